// The quick check before src/build/sass.groovy: when no stylesheet, template, Java source, script or the
// pom is newer than the last run's stamp and the outputs are there, nothing can have changed, and the
// larger script is not even compiled (a run of it that finds the same content touches the stamp, so an
// edit and its undo cost one full check). This keeps spring-boot:run and test runs from paying for Sass.
import java.nio.file.Files
import java.nio.file.Path

Path base = project.basedir.toPath()
Path stampFile = Path.of(project.build.directory, 'sass.stamp')
Path output = Path.of(project.build.outputDirectory, 'static', 'css')
List<Path> inputs = ['src/main/scss', 'src/main/resources/templates', 'src/main/java', 'src/main/resources/static/js',
                     'src/build/sass.groovy', 'pom.xml'].collect { base.resolve(it) }.findAll { Files.exists(it) }
if (Files.exists(stampFile) && Files.isDirectory(output)
        && Files.list(output).withCloseable { files -> files.anyMatch { it.toString().endsWith('.css') } }) {
    long stamped = Files.getLastModifiedTime(stampFile).toMillis()
    boolean newer = inputs.any { root ->
        Files.walk(root).withCloseable { paths -> paths.anyMatch { Files.getLastModifiedTime(it).toMillis() > stamped } }
    }
    if (!newer) {
        log.info('sass: nothing changed since the last run (no input is newer than target/sass.stamp)')
        return
    }
}
new GroovyShell(getClass().classLoader, binding).evaluate(base.resolve('src/build/sass.groovy').toFile())
