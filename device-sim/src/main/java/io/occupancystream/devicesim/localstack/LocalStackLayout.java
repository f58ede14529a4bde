package io.occupancystream.devicesim.localstack;

/** The streams and bucket of a local stack, named as the job's settings name them by default. */
public final class LocalStackLayout {
    public final String inputStream;
    public final int inputShards;
    public final String resultsStream;
    public final String deadLetterStream;
    public final String bucket;

    public LocalStackLayout(
            String inputStream,
            int inputShards,
            String resultsStream,
            String deadLetterStream,
            String bucket) {
        this.inputStream = inputStream;
        this.inputShards = inputShards;
        this.resultsStream = resultsStream;
        this.deadLetterStream = deadLetterStream;
        this.bucket = bucket;
    }

    public static LocalStackLayout defaults() {
        return new LocalStackLayout(
                "occupancy-readings",
                2,
                "occupancy-results",
                "occupancy-dead-letters",
                "occupancy-stream");
    }

    public LocalStackLayout withInputShards(int shards) {
        return new LocalStackLayout(inputStream, shards, resultsStream, deadLetterStream, bucket);
    }

    /** Where the job writes training sets in the bucket. */
    public String trainingPrefix() {
        return "s3://" + bucket + "/training";
    }
}
