package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.SyntheticDataset;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README, followed literally by a new user: its dependency snippets become the pom of a fresh
 * Maven project (dependency convergence enforced), every Java block becomes a source file of that
 * project verbatim, and the project is built against the installed artifacts and every class run.
 * It needs the modules installed by the same build, so it runs in {@code mvn install} (where the
 * reactor installs core, recsys, datasets and the BOM before these tests) and is skipped, with a
 * message, when the installed artifacts are missing or older than this build's.
 */
class ReadmeProjectTest {
  private static final Pattern BLOCK =
      Pattern.compile(
          "(?:<!-- readme-project: (\\w+) -->\\n)?```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

  @TempDir Path dir;

  /** The repository root: the nearest folder up from the build's that holds the BOM. */
  private static Path root() {
    Path p = Path.of(System.getProperty("sdrm.root.dir", ".")).toAbsolutePath();
    for (Path q = p; q != null; q = q.getParent()) {
      if (Files.isRegularFile(q.resolve("sdrm-bom/pom.xml"))) {
        return q;
      }
    }
    return p;
  }

  record Snippets(String dependencyManagement, String dependencies, List<String> java) {}

  static Snippets snippets(String readme) {
    String management = null;
    String dependencies = null;
    List<String> java = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      if ("dependencyManagement".equals(m.group(1))) {
        management = m.group(3);
      } else if ("dependencies".equals(m.group(1))) {
        dependencies = m.group(3);
      } else if (m.group(2).equals("java")) {
        java.add(m.group(3) + "\n");
      }
    }
    return new Snippets(management, dependencies, java);
  }

  @Test
  void everyJavaSnippetIsACompleteFileWithImports() throws IOException {
    Snippets s = snippets(Files.readString(root().resolve("README.md")));
    assertTrue(
        s.java().size() >= 4, "expected the README's Java examples, found " + s.java().size());
    for (String java : s.java()) {
      assertTrue(CLASS.matcher(java).find(), "not a complete class:\n" + java);
      assertTrue(java.startsWith("import "), "no imports:\n" + java);
    }
    String version = Sdrm.version();
    assertTrue(
        s.dependencyManagement().contains("<version>" + version + "</version>"),
        "the README's BOM version is not " + version);
    String bom = Files.readString(root().resolve("sdrm-bom/pom.xml"));
    assertTrue(
        bom.contains("<artifactId>sdrm-bom</artifactId>\n  <version>" + version + "</version>"),
        "sdrm-bom's version is not the project's " + version);
  }

  @Test
  void readmeSnippets_buildAndRunInAFreshMavenProject() throws Exception {
    String version = Sdrm.version();
    Path repo =
        Path.of(
            System.getProperty(
                "sdrm.local.repo", System.getProperty("user.home") + "/.m2/repository"));
    for (String module : List.of("sdrm-core", "sdrm-recsys", "sdrm-datasets")) {
      Path installed =
          repo.resolve(
              "io/github/sdrm/" + module + "/" + version + "/" + module + "-" + version + ".jar");
      Path built = root().resolve(module + "/target/" + module + "-" + version + ".jar");
      assumeTrue(
          Files.isRegularFile(installed)
              && Files.isRegularFile(built)
              && Files.mismatch(installed, built) == -1,
          "README project skipped: "
              + module
              + " is not installed from this build (run mvn"
              + " install)");
    }
    assumeTrue(
        Files.isRegularFile(
            repo.resolve("io/github/sdrm/sdrm-bom/" + version + "/sdrm-bom-" + version + ".pom")),
        "README project skipped: sdrm-bom not installed");
    String mavenHome = System.getProperty("sdrm.maven.home");
    assumeTrue(
        mavenHome != null && Files.isRegularFile(Path.of(mavenHome, "bin", "mvn")),
        "README project skipped: no Maven home passed by the build");

    Snippets s = snippets(Files.readString(root().resolve("README.md")));
    Path project = dir.resolve("readme-project");
    Path sources = Files.createDirectories(project.resolve("src/main/java"));
    List<String> classes = new ArrayList<>();
    for (String java : s.java()) {
      Matcher m = CLASS.matcher(java);
      assertTrue(m.find());
      classes.add(m.group(1));
      Files.writeString(sources.resolve(m.group(1) + ".java"), java);
    }
    Path ratings = writeRatings(dir.resolve("ratings.csv"));
    Path synthetic = dir.resolve("synthetic.csv");
    StringBuilder runAll =
        new StringBuilder(
            "public class RunAll {\n"
                + "  public static void main(String[] args) throws Exception {\n");
    for (String c : classes) {
      runAll
          .append("    System.out.println(\"== ")
          .append(c)
          .append("\");\n    ")
          .append(c)
          .append(".main(new String[] {\"")
          .append(ratings)
          .append("\", \"")
          .append(synthetic)
          .append("\"});\n");
    }
    runAll.append("  }\n}\n");
    Files.writeString(sources.resolve("RunAll.java"), runAll);
    Files.writeString(project.resolve("pom.xml"), pom(s));

    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(mavenHome, "bin", "mvn").toString(),
                "-B",
                "-q",
                "-Dmaven.repo.local=" + repo,
                "compile",
                "exec:java",
                "-Dexec.mainClass=RunAll"));
    if (System.getProperty("sdrm.maven.offline", "").endsWith("=true")) {
      command.add(1, "-o");
    }
    Path log = dir.resolve("mvn.log");
    Process p =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the README project did not finish");
    String output = Files.readString(log);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "readme-project.log"), output); // kept for reading
    assertEquals(0, p.exitValue(), "the README project failed:\n" + output);
    for (String c : classes) {
      assertTrue(output.contains("== " + c), c + " did not run:\n" + output);
    }
    assertTrue(output.contains("identical after load: true"), output);
    assertTrue(output.contains("synthetic users in " + synthetic), output);
    assertTrue(output.contains("| svd |"), output);
    assertTrue(output.contains("MIA AUC"), output);
    assertFalse(output.contains("Exception"), output);
    assertTrue(Files.readString(synthetic).lines().count() > 2, "no synthetic users written");
  }

  /** The embedded dataset as a MovieLens ratings.csv: likes rated 5, the rest 2. */
  private static Path writeRatings(Path file) throws IOException {
    InteractionMatrix full = SyntheticDataset.mlLike().full();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("userId,movieId,rating,timestamp\n");
      for (int u = 0; u < full.rows(); u++) {
        int[] items = full.rowColumns(u);
        byte[] values = full.rowValues(u);
        for (int i = 0; i < items.length; i++) {
          w.write(
              (u + 1)
                  + ","
                  + (items[i] + 101)
                  + ","
                  + (values[i] == 1 ? "5.0" : "2.0")
                  + ",964982703\n");
        }
      }
    }
    return file;
  }

  /** A minimal pom around the README's two dependency blocks. */
  private static String pom(Snippets s) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>readme-project</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
        """
        + s.dependencyManagement()
        + "\n"
        + s.dependencies()
        + "\n"
        + """
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-enforcer-plugin</artifactId>
                <version>3.5.0</version>
                <executions>
                  <execution>
                    <id>converge</id>
                    <goals><goal>enforce</goal></goals>
                    <configuration><rules><dependencyConvergence/></rules></configuration>
                  </execution>
                </executions>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.13.0</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
              <plugin>
                <groupId>org.codehaus.mojo</groupId>
                <artifactId>exec-maven-plugin</artifactId>
                <version>3.5.0</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """;
  }
}
