package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.ModelArtifact;
import io.occupancystream.model.ModelCard;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;

/**
 * A model from {@code model-ops train} as a challenger: its {@code model.tar.gz} uploaded under
 * {@code artifacts/VERSION/}, served by SageMaker's built-in XGBoost container (which answers the
 * probability; the job labels it with the card's threshold), with the card's validation F1.
 */
final class LocalModelChallenger {
    private LocalModelChallenger() {}

    static Challenger upload(Path modelDir, URI artifacts, String image, ModelCardPublisher uploads)
            throws IOException {
        ModelCard card = ModelCard.read(modelDir);
        String name = card.modelVersion.replaceAll("[^A-Za-z0-9-]", "-");
        if (name.length() > 63) {
            name = name.substring(name.length() - 63);
        }
        String modelData =
                uploads.put(
                        URI.create(artifacts + "/" + name),
                        ModelArtifact.FILE,
                        modelDir.resolve(ModelArtifact.FILE));
        ContainerDefinition container =
                ContainerDefinition.builder()
                        .image(image)
                        .modelDataUrl(modelData)
                        .environment(Map.of())
                        .build();
        return new Challenger(
                name,
                List.of(container),
                "F1",
                card.validation.get("f1").asDouble(),
                "model-ops:" + card.modelVersion,
                card.rows.getOrDefault("total", 0L));
    }
}
