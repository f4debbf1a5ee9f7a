package io.github.duban.cli;

import io.github.duban.bulletin.BulletinSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The option that says how the bulletin's header and standing texts read. */
final class BulletinOptions {
    @Option(names = "--bulletin-settings", paramLabel = "FILE",
            description = "bulletin settings, YAML or JSON: series, office, recipients, subject, opening, requirements, closing, date, copyTo, templates (see docs/bulletin.md)")
    Path settings;

    BulletinSettings load() {
        if (settings == null) {
            return BulletinSettings.DEFAULT;
        }
        Inputs.requireFile(settings, "--bulletin-settings");
        return BulletinSettings.read(settings);
    }
}
