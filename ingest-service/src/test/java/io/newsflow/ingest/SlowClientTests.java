package io.newsflow.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.newsflow.contracts.Topics;
import io.newsflow.service.edge.InFlightBudget;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge against clients that send slowly, over real sockets to a Tomcat with only four
 * request threads: a body that trickles in holds no thread while it arrives and is
 * refused when its whole time is up, however often a byte comes; a body on a GET, or on a
 * request without its key, is never drained; the in-flight budget refuses a body before a
 * byte is read; and a keyed client is served while many slow ones are connected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=" + IngestApplication.CONFIG_NAME,
                "newsflow.security.api-keys=" + SlowClientTests.KEY, "server.tomcat.threads.max=4",
                "server.tomcat.threads.min-spare=1", "newsflow.edge.body-timeout=3s",
                "newsflow.edge.in-flight-bytes=" + SlowClientTests.BUDGET, "newsflow.edge.max-body-size=48KB",
                "newsflow.publish.timeout=1s" })
@WithEmbeddedInfrastructure
class SlowClientTests {

    static final String KEY = "slow-client-key-3e9a";

    static final int BUDGET = 64 * 1024;

    private static final RawTopics TOPICS = RawTopics.shared();

    private final List<Socket> sockets = new ArrayList<>();

    @LocalServerPort
    private int port;

    @Autowired
    private InFlightBudget budget;

    @AfterEach
    void closeSockets() throws Exception {
        for (Socket socket : this.sockets) {
            socket.close();
        }
        // every request, answered, refused or cut off, gives back what it reserved
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (this.budget.reserved() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(this.budget.reserved()).as("bytes still reserved").isZero();
    }

    @Test
    void aKeyedClientIsServedWhileManyMoreSlowClientsThanThreadsAreConnected() throws Exception {
        for (int i = 0; i < 24; i++) {
            startPost(KEY, 200);
        }
        for (int i = 0; i < 24; i++) {
            startPost(null, 200);
        }
        // every slow client has sent its headers; four threads would be held by six of
        // them
        Thread.sleep(300);
        long before = TOPICS.size(Topics.POSTS);
        Answer answer = exchange(request("POST", "/api/v1/posts", KEY, post(1)), 2000);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(TOPICS.size(Topics.POSTS)).isEqualTo(before + 1);
        assertThat(exchange(request("GET", "/v3/api-docs", null, null), 2000).status()).isEqualTo(200);
    }

    @Test
    void aBodyThatTricklesInIsRefusedWhenItsWholeTimeIsUpAndPublishesNothing() throws Exception {
        long before = TOPICS.size(Topics.POSTS);
        byte[] body = post(2).getBytes(StandardCharsets.UTF_8);
        Socket socket = startPost(KEY, body.length);
        OutputStream out = socket.getOutputStream();
        long started = System.nanoTime();
        // one byte every 200 ms resets any per-read timeout, never the body timeout
        Answer answer = null;
        for (int i = 0; i < body.length && answer == null; i++) {
            out.write(body[i]);
            out.flush();
            Thread.sleep(200);
            if (socket.getInputStream().available() > 0) {
                answer = read(socket, 2000);
            }
        }
        if (answer == null) {
            answer = read(socket, 2000);
        }
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.text()).contains("application/problem+json").contains("within 3 seconds");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(2500L, 6000L);
        assertThat(TOPICS.size(Topics.POSTS)).isEqualTo(before);
    }

    @Test
    void aSlowUploadInsideTheBodyTimeoutIsAcceptedNotAnsweredAsAnEventStoreOutage() throws Exception {
        byte[] body = post(3).getBytes(StandardCharsets.UTF_8);
        Socket socket = startPost(KEY, body.length);
        OutputStream out = socket.getOutputStream();
        // 1.6 s for the body, longer than the publish timeout (1 s), within the body
        // timeout
        for (int i = 0; i < 8; i++) {
            out.write(body, i * body.length / 8, (i + 1) * body.length / 8 - i * body.length / 8);
            out.flush();
            Thread.sleep(200);
        }
        assertThat(read(socket, 3000).status()).isEqualTo(202);
    }

    @Test
    void aGetWithABodyIs400AndTheConnectionIsClosedNotDrained() throws Exception {
        Socket socket = open();
        socket.getOutputStream()
            .write(("GET /api/v1/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nab")
                .getBytes(StandardCharsets.US_ASCII));
        Answer answer = read(socket, 2000);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("takes no request body");
        assertThat(answer.closed()).isTrue();
    }

    @Test
    void aPostWithoutItsKeyIs401AndItsBodyIsNeverWaitedFor() throws Exception {
        Socket socket = startPost(null, 5_000_000);
        Answer answer = read(socket, 2000);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.closed()).isTrue();
    }

    @Test
    void aBodyBeyondTheInFlightBudgetIs503WithRetryAfterBeforeAByteIsRead() throws Exception {
        // holds most of the budget while it trickles
        startPost(KEY, 40 * 1024);
        Thread.sleep(200);
        Socket socket = startPost(KEY, 30 * 1024);
        Answer answer = read(socket, 2000);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.text()).containsIgnoringCase("Retry-After: ").contains("application/problem+json");
        // a small body still fits, and the budget is given back once a request ends
        assertThat(exchange(request("POST", "/api/v1/posts", KEY, post(4)), 2000).status()).isEqualTo(202);
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeAByteIsRead() throws Exception {
        Answer answer = read(startPost(KEY, 11L * 1024 * 1024), 2000);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.closed()).isTrue();
    }

    @Test
    void jsonInACharsetOtherThanUtf8Is415() throws Exception {
        String body = post(5);
        Answer answer = exchange("POST /api/v1/posts HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY
                + "\r\nContent-Type: application/json; charset=euc-kr\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body, 2000);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.text()).contains("UTF-8");
    }

    private static String post(long number) {
        return "{\"board\":\"slowboard\",\"number\":" + number + ",\"title\":\"천천히 온 글 " + number + "\"}";
    }

    /** Sends a POST's headers and no byte of its body. */
    private Socket startPost(String key, long length) throws IOException {
        Socket socket = open();
        socket.getOutputStream()
            .write(("POST /api/v1/posts HTTP/1.1\r\nHost: x\r\n" + (key == null ? "" : "X-API-Key: " + key + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String request(String method, String path, String key, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\n" + (key == null ? "" : "X-API-Key: " + key + "\r\n")
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n")
                + "Connection: close\r\n\r\n" + (body == null ? "" : body);
    }

    private Answer exchange(String request, int timeoutMillis) throws IOException {
        Socket socket = open();
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return read(socket, timeoutMillis);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", this.port);
        this.sockets.add(socket);
        return socket;
    }

    /** Reads an answer until the server closes the connection or falls silent. */
    private static Answer read(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed = false;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
                socket.setSoTimeout(300);
            }
            closed = true;
        }
        catch (SocketTimeoutException ex) {
            // silent: the connection is kept open
        }
        catch (IOException ex) {
            // reset: closed without a drain
            closed = true;
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).as("an answer within %d ms", timeoutMillis).startsWith("HTTP/1.1 ");
        return new Answer(Integer.parseInt(text.substring(9, 12)), text, closed);
    }

    private record Answer(int status, String text, boolean closed) {
    }

}
