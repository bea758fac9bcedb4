package com.faceattend.cli;

import com.faceattend.store.SecureNetworkServer;
import com.faceattend.store.StoreKeys;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend server}: the data folder's database for several stations, over TLS with a password. */
@Command(name = "server",
        description = {"Serve the data folder's database to several stations through a Derby network server, "
                + "with TLS and a password, until stopped (Ctrl-C).",
            "Stations connect with ;ssl=basic;user=faceattend;password=<the password file's content>."})
final class ServerCommand implements Callable<Integer> {
    @ParentCommand
    FaceAttendCli app;
    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "1527", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--no-tls", description = "Serve without TLS: only allowed on a loopback address, for tests on one machine.")
    boolean noTls;

    @Override
    public Integer call() throws InterruptedException {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new com.faceattend.spi.Problem(com.faceattend.spi.Problem.Kind.BAD_VALUE, "unknown address '" + host + "'",
                    "Give an address of this machine, such as 127.0.0.1 or 0.0.0.0.", e);
        }
        Path db = app.dataDir().resolve("db");
        StoreKeys keys = StoreKeys.forDatabase(db);
        SecureNetworkServer server = SecureNetworkServer.start(db, keys.forOpening(), keys.secretsFolder(), bind, port, noTls);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "faceattend-server-stop"));
        var out = spec.commandLine().getOut();
        out.println("serving " + db + " on " + bind.getHostAddress() + ":" + port + (noTls ? " WITHOUT TLS" : " with TLS"));
        out.println("  JDBC: jdbc:derby://" + bind.getHostAddress() + ":" + port + "/" + db + (noTls ? "" : ";ssl=basic")
                + ";user=" + SecureNetworkServer.USER + ";password=<content of " + SecureNetworkServer.userPasswordFile(keys.secretsFolder()) + ">");
        if (!noTls) {
            out.println("  stations: copy " + SecureNetworkServer.userPasswordFile(keys.secretsFolder()) + " into each station's keys folder, then");
            out.println("            faceattend --db-server " + (bind.isAnyLocalAddress() ? "THIS-HOST" : bind.getHostAddress()) + ":" + port + "/" + db
                    + " run --source 0 --station NAME");
        }
        out.println("  stop with Ctrl-C");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }
}
