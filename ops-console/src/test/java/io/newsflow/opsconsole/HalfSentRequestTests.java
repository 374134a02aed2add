package io.newsflow.opsconsole;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops page keeps answering while clients hold half-sent requests open: a request
 * takes one of a few threads, never the whole server, and one that never arrives in full
 * is dropped.
 */
class HalfSentRequestTests {

    @Test
    void thePageAnswersWhileHalfSentRequestsAreOpen() throws Exception {
        OpsConsole console = OpsConsole.start(0, Map.of());
        try (Socket first = halfSent(console.port());
                Socket second = halfSent(console.port());
                Socket client = new Socket("127.0.0.1", console.port())) {
            client.setSoTimeout(3000);
            client.getOutputStream()
                .write("GET /status.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 200");
            // the JDK server drops a request that has not arrived within its limit
            first.setSoTimeout(15_000);
            assertThat(first.getInputStream().read()).isEqualTo(-1);
        }
        finally {
            console.close();
        }
    }

    private static Socket halfSent(int port) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        Thread.sleep(100);
        return socket;
    }

}
