import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The payroll end of the webhook for .ci/plugin-sdk: a real local HTTP server (the JDK's) that
 * appends each post to LOG as one line, "Idempotency-Key TAB body", and answers 204.
 * Usage: java .ci/WebhookReceiver.java PORT LOG [EXIT_AFTER]
 * PORT 0 takes a free port; the port taken is written to LOG.port. With EXIT_AFTER the server stops
 * after that many posts (it answers the last one first), as a receiver that goes away mid-run.
 */
public class WebhookReceiver {
    public static void main(String[] args) throws IOException {
        Path log = Path.of(args[1]);
        int exitAfter = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 0);
        int[] posts = {0};
        server.createContext("/hook", exchange -> {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).replace('\n', ' ');
            synchronized (posts) {
                Files.writeString(log, key + "\t" + body + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                if (++posts[0] >= exitAfter) {
                    new Thread(() -> server.stop(0)).start();
                }
            }
        });
        server.start();
        Files.writeString(Path.of(args[1] + ".port"), String.valueOf(server.getAddress().getPort()));
    }
}
