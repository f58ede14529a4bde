package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The curl example of docs/operations.md ("Reading the decisions") sends the request AWS documents
 * for GetThingShadow, here to a local server in place of the IoT data endpoint: "Device Shadow REST
 * API" (AWS IoT Core developer guide: GET /things/thingName/shadow, ?name=shadowName for a named
 * shadow, signed with iotdevicegateway as the service name) and "GetThingShadow" (AWS IoT API
 * Reference: no body).
 */
class ShadowApiExampleTest {
    private static final String SHADOW = "{\"state\":{\"desired\":{\"roomOccupancy\":true}}}";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    requests.add(
                            exchange.getRequestMethod()
                                    + " "
                                    + exchange.getRequestURI()
                                    + " body="
                                    + body.length
                                    + " date="
                                    + exchange.getRequestHeaders().getFirst("X-Amz-Date")
                                    + " auth="
                                    + exchange.getRequestHeaders().getFirst("Authorization"));
                    byte[] answer = SHADOW.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void curlExampleGetsTheClassicShadowSignedForIotDeviceGateway() throws Exception {
        assertThat(curl("/things/thermostat-1/shadow")).isEqualTo(SHADOW);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0))
                .matches(
                        "GET /things/thermostat-1/shadow body=0 date=\\d{8}T\\d{6}Z"
                            + " auth=AWS4-HMAC-SHA256"
                            + " Credential=AKIDEXAMPLE/\\d{8}/eu-west-1/iotdevicegateway/aws4_request,"
                            + " SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}");
    }

    @Test
    void namedShadowIsTheNameQueryParameter() throws Exception {
        curl("/things/thermostat-1/shadow?name=occupancy");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("GET /things/thermostat-1/shadow?name=occupancy ");
    }

    /** The curl command of docs/operations.md, its endpoint replaced by the local server's. */
    private String curl(String path) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        List<String> command = new ArrayList<>();
        command.add("curl");
        command.add("--silent");
        command.add("--show-error");
        command.add("--aws-sigv4");
        command.add("aws:amz:eu-west-1:iotdevicegateway");
        command.add("--user");
        command.add("AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        command.add("http://127.0.0.1:" + server.getAddress().getPort() + path);
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor()).as(output).isEqualTo(0);
        return output;
    }
}
