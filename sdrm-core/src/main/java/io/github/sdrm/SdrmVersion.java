package io.github.sdrm;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, from a resource written by the build. */
final class SdrmVersion {
  private static final String VERSION = load();

  private SdrmVersion() {}

  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SdrmVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
