package dev.allot.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code allot --version}: the {@code Implementation-Version} of the jar the command runs from,
 * which the build writes from the POM's version, so that the number is kept in one place. Every
 * subcommand names it too: each has its own {@code -V, --version} (mixinStandardHelpOptions), which
 * printed nothing without a provider ({@code allot replay --version}).
 */
final class ManifestVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return lines(AllotCommand.class.getPackage().getImplementationVersion());
  }

  /**
   * Returns the lines {@code --version} prints for a jar of the given version.
   *
   * @param implementationVersion the manifest's {@code Implementation-Version}, {@code null} when
   *     the classes do not run from the jar (an IDE, the build's own tests)
   */
  static String[] lines(@Nullable String implementationVersion) {
    return new String[] {
      "allot "
          + (implementationVersion == null
              ? "(no version: not run from allot.jar)"
              : implementationVersion),
      "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
    };
  }
}
