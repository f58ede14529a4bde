package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.occupancystream.job.features.Feature;
import io.occupancystream.job.testing.DummyAwsCredentials;
import io.occupancystream.job.testing.NoAwsCredentials;
import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.serve.FaultInjector;
import io.occupancystream.modelops.serve.LocalEndpoint;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up check against the local endpoint, whose refusals are SageMaker's: a missing endpoint
 * is a 400 ValidationError "Endpoint NAME of account ID not found." (SageMaker Runtime
 * "InvokeEndpoint" API reference, Errors), a caller without permission gets AccessDeniedException
 * (AWS "Common Errors"). What no retry fixes stops the start, naming what is missing; what may pass
 * does not.
 */
class EndpointCheckTest {
    private static final String NAME = "roomOccupancyEndpoint";
    private static OccupancyPredictor predictor;
    private LocalEndpoint endpoint;

    @BeforeAll
    static void loadModel() throws IOException {
        predictor = OccupancyPredictor.load(TrainedModels.model());
    }

    @AfterAll
    static void closeModel() {
        predictor.close();
    }

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.stop();
        }
        DummyAwsCredentials.clear();
        NoAwsCredentials.clear();
    }

    @Test
    void probeRowHasOneValuePerFeatureOfTheJob() {
        assertThat(EndpointCheck.probeRow().split(",")).hasSize(Feature.values().length);
    }

    @Test
    void healthyEndpointPassesAfterScoringOneRow() throws Exception {
        DummyAwsCredentials.set();
        serve(FaultInjector.none());

        check(NAME, "eu-west-1").run();

        assertThat(endpoint.counters().rowsScored()).isEqualTo(1);
    }

    @Test
    void missingEndpointStopsTheStartNamingTheEndpointAndRegion() throws Exception {
        DummyAwsCredentials.set();
        serve(FaultInjector.none());

        EndpointUnusableException e =
                catchThrowableOfType(
                        EndpointUnusableException.class,
                        () -> check("roomOccupancy", "eu-west-1").run());

        assertThat(e.getMessage())
                .startsWith(
                        "no endpoint roomOccupancy in region eu-west-1 of the caller's account:"
                                + " check scoring.endpoint.name and scoring.endpoint.region"
                                + " (empty: the AWS default region chain)."
                                + " ValidationErrorException ValidationError: Endpoint"
                                + " roomOccupancy of account local not found.");
    }

    @Test
    void accessDeniedStopsTheStartNamingThePermissionAndTheEndpointArn() throws Exception {
        DummyAwsCredentials.set();
        serve(FaultInjector.none().withAccessDenied());

        EndpointUnusableException e =
                catchThrowableOfType(
                        EndpointUnusableException.class, () -> check(NAME, "eu-west-1").run());

        assertThat(e.getMessage())
                .startsWith(
                        "the credentials' identity may not call endpoint roomOccupancyEndpoint: it"
                            + " needs permission sagemaker:InvokeEndpoint on"
                            + " arn:aws:sagemaker:eu-west-1:ACCOUNT_ID:endpoint/roomoccupancyendpoint."
                            + " SageMakerRuntimeException AccessDeniedException: User:"
                            + " arn:aws:iam::local:user/test-access-key is not authorized to"
                            + " perform: sagemaker:InvokeEndpoint on resource:"
                            + " arn:aws:sagemaker:eu-west-1:local:endpoint/roomoccupancyendpoint");
        assertThat(endpoint.counters().rowsScored()).isZero();
    }

    @Test
    void noCredentialsStopsTheStartNamingWhereTheyCanComeFrom() throws Exception {
        NoAwsCredentials.set();
        serve(FaultInjector.none());

        EndpointUnusableException e =
                catchThrowableOfType(
                        EndpointUnusableException.class, () -> check(NAME, "eu-west-1").run());

        assertThat(e.getMessage())
                .startsWith(
                        "no AWS credentials to call endpoint roomOccupancyEndpoint: the AWS SDK's"
                                + " default chain found none (environment variables"
                                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, Java system"
                                + " properties, a web identity token, a profile in ~/.aws, a"
                                + " container or instance role; on MSF, the application's"
                                + " service execution role). SdkClientException: Unable to load"
                                + " credentials");
        assertThat(endpoint.counters().invocations()).isZero();
    }

    @Test
    void throttlingDoesNotStopTheStart() throws Exception {
        DummyAwsCredentials.set();
        serve(FaultInjector.none().withThrottleRate(1));

        check(NAME, "eu-west-1").run();

        assertThat(endpoint.counters().errors("ThrottlingException")).isEqualTo(1);
    }

    private void serve(FaultInjector faults) throws IOException {
        endpoint = LocalEndpoint.start(predictor, NAME, 0, faults);
    }

    private EndpointCheck check(String name, String region) {
        EndpointSettings settings =
                new EndpointSettings(
                        name,
                        endpoint.url().toString(),
                        region,
                        "",
                        "",
                        "",
                        Duration.ofSeconds(2),
                        4);
        return new EndpointCheck(settings, 0.5, Duration.ofSeconds(30));
    }
}
