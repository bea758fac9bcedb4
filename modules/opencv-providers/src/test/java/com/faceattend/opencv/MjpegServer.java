package com.faceattend.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A minimal IP camera: MJPEG over HTTP ({@code multipart/x-mixed-replace}) on 127.0.0.1, as many
 * cheap cameras serve it. Sends {@code frames} 320x240 JPEGs to each client, then either closes
 * the connection (a dropped stream) or goes silent while keeping it open (a stalled one).
 */
final class MjpegServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    MjpegServer(int frames, boolean stallAfterwards) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon().start(() -> serve(frames, stallAfterwards));
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(int frames, boolean stall) {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                readRequest(client.getInputStream());
                OutputStream out = client.getOutputStream();
                out.write(ascii("HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=frame\r\n\r\n"));
                for (int i = 0; i < frames; i++) {
                    byte[] jpeg = jpeg(i);
                    out.write(ascii("--frame\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n"));
                    out.write(jpeg);
                    out.write(ascii("\r\n"));
                    out.flush();
                    Thread.sleep(40);
                }
                if (stall) {
                    Thread.sleep(60_000);
                }
            } catch (IOException | InterruptedException e) {
                return; // closed by the test, or the client went away
            }
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) { // up to the blank line ending the request head
            int c = in.read();
            if (c < 0) {
                throw new IOException("client closed");
            }
            matched = (c == '\r' || c == '\n') ? matched + 1 : 0;
        }
    }

    private static byte[] jpeg(int i) {
        try (PointerScope scope = new PointerScope()) {
            Mat image = new Mat(240, 320, CV_8UC3, new Scalar(30 * i % 255, 120, 200, 0));
            BytePointer out = new BytePointer();
            imencode(".jpg", image, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
