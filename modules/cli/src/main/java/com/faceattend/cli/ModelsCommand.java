package com.faceattend.cli;

import com.faceattend.engine.providers.ProviderRegistry;
import com.faceattend.models.ModelFile;
import com.faceattend.models.ModelRepository;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code faceattend models}: which models and providers this installation has, verified. */
@Command(name = "models", description = "List the bundled models (checksums verified) and the installed providers.",
        subcommands = {ModelsImportCommand.class, ModelsCalibrateCommand.class})
final class ModelsCommand implements Callable<Integer> {
    @ParentCommand
    FaceAttendCli app;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelRepository repo = ModelRepository.bundled();
        out.println("Models:");
        for (ModelFile m : repo.models()) {
            int size = repo.read(m.name()).length; // read() verifies the SHA-256
            out.printf("  %-12s %6.1f MB  sha256 %s…  %s (%s)  verified%n", m.name(), size / 1e6, m.sha256().substring(0, 16),
                    m.source(), m.licence());
        }
        ProviderRegistry registry = app.providers(); // with the data folder's plugins
        out.println("Providers:");
        registry.detectors().forEach(p -> out.printf("  detector   %s%n", describe(p.info())));
        registry.embedders().forEach(p -> out.printf("  embedder   %s%n", describe(p.info())));
        registry.livenessChecks().forEach(p -> out.printf("  liveness   %s%n", describe(p.info())));
        registry.prescreens().forEach(p -> out.printf("  pre-screen %s%n", describe(p.info())));
        registry.frameSources().forEach(p -> out.printf("  source     %s%n", describe(p.info())));
        registry.listeners().forEach(p -> out.printf("  listener   %s%n", describe(p.info())));
        out.flush();
        return ExitCode.OK;
    }

    private static String describe(com.faceattend.spi.ProviderInfo i) {
        return String.format("%-20s %-8s %s — model licence: %s", i.id(), i.version(), i.displayName(), i.modelLicense());
    }
}
