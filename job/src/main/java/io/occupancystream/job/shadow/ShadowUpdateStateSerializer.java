package io.occupancystream.job.shadow;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Checkpoints the shadow updates still buffered or in flight. */
final class ShadowUpdateStateSerializer extends AsyncSinkWriterStateSerializer<ShadowUpdate> {
    @Override
    protected void serializeRequestToStream(ShadowUpdate update, DataOutputStream out)
            throws IOException {
        out.writeUTF(update.thingName);
        out.writeLong(update.timestamp);
        out.writeBoolean(update.roomOccupancy);
    }

    @Override
    protected ShadowUpdate deserializeRequestFromStream(long size, DataInputStream in)
            throws IOException {
        return new ShadowUpdate(in.readUTF(), in.readLong(), in.readBoolean());
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
