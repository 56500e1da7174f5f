// Compiles src/main/scss/*.scss (not partials) to compressed CSS in target/classes/static/css, with
// Bootstrap's Sass sources from its WebJar on the load path. Runs in the Maven build through
// gmavenplus-plugin; the Dart Sass compiler comes from Maven Central inside sass-embedded-bundled, so
// the build needs neither Node nor a download from anywhere else.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.zip.ZipFile

import com.sass_lang.embedded_protocol.OutputStyle
import de.larsgrefer.sass.embedded.SassCompilerFactory

Path base = project.basedir.toPath()
Path target = Path.of(project.build.directory)
Path output = Path.of(project.build.outputDirectory, 'static', 'css')
String version = project.properties['webjars-bootstrap.version']
Path stampFile = target.resolve('sass.stamp')

// Bootstrap's scss folder, unpacked from the WebJar the app depends on.
def webjar = project.artifacts.find { it.groupId == 'org.webjars' && it.artifactId == 'bootstrap' }
String prefix = "META-INF/resources/webjars/bootstrap/${version}/scss/"
Path scss = target.resolve("bootstrap-scss-${version}")
if (!Files.exists(scss.resolve('bootstrap.scss'))) {
    new ZipFile(webjar.file).withCloseable { zip ->
        zip.entries().findAll { !it.directory && it.name.startsWith(prefix) && it.name.endsWith('.scss') }.each { entry ->
            Path file = scss.resolve(entry.name.substring(prefix.length()))
            Files.createDirectories(file.parent)
            zip.getInputStream(entry).withCloseable { Files.copy(it, file, StandardCopyOption.REPLACE_EXISTING) }
        }
    }
}

// Every word of the templates, the Java sources and the scripts the pages load (Bootstrap's own
// adds classes such as "show" and "collapsing"): a class named nowhere is used nowhere. A word ending
// in "-" ('status-' + …) keeps every class it begins.
Set<String> words = new HashSet<>()
List<Path> sources = [base.resolve('src/main/resources/templates'), base.resolve('src/main/java'),
                      base.resolve('src/main/resources/static/js')]
sources.findAll { Files.isDirectory(it) }.each { root ->
    Files.walk(root).withCloseable { paths ->
        paths.filter { Files.isRegularFile(it) }.each { words.addAll(Files.readString(it).findAll(/[A-Za-z0-9_-]+/)) }
    }
}
// The WebJars' words change only with their versions: kept in target/sass-full, named by the jars read.
List<File> webjarFiles = project.artifacts.findAll { it.groupId.startsWith('org.webjars') }.collect { it.file }.sort()
Path webjarWords = target.resolve('sass-full').resolve('webjar-words.txt')
String webjarKey = webjarFiles.collect { it.absolutePath + ' ' + it.length() }.join('\n')
if (Files.exists(webjarWords) && Files.readString(webjarWords).startsWith(webjarKey + '\n\n')) {
    words.addAll(Files.readString(webjarWords).substring(webjarKey.length() + 2).split('\n').findAll { !it.isEmpty() })
}
else {
    Set<String> found = new TreeSet<>()
    webjarFiles.each { file ->
        new ZipFile(file).withCloseable { zip ->
            zip.entries().findAll { it.name.endsWith('.min.js') }.each { entry ->
                found.addAll(zip.getInputStream(entry).text.findAll(/[A-Za-z0-9_-]+/))
            }
        }
    }
    Files.createDirectories(webjarWords.parent)
    Files.writeString(webjarWords, webjarKey + '\n\n' + found.join('\n'))
    words.addAll(found)
}
List<String> prefixes = words.findAll { it.endsWith('-') && it.length() > 2 }.toList()
def used = { String name -> words.contains(name) || prefixes.any { name.startsWith(it) } }

// A selector stays when each class it needs (outside :not(…)) is used somewhere.
def keepSelector = { String selector ->
    String needed = selector.replaceAll(/:not\([^)]*\)/, '')
    needed.findAll(/\.(-?[A-Za-z_][A-Za-z0-9_-]*)/) { all, name -> name }.every { used(it) }
}

// Walks compressed CSS: style rules lose unused selectors (and go when none is left), @media and
// @supports blocks are walked in turn, other at-rules (@keyframes, @font-face) stay as they are.
def purge
purge = { String css ->
    StringBuilder out = new StringBuilder()
    int i = 0
    while (i < css.length()) {
        int open = css.indexOf('{', i)
        int semicolon = css.indexOf(';', i)
        if (open < 0) { out.append(css.substring(i)); break }
        if (semicolon >= 0 && semicolon < open) { out.append(css, i, semicolon + 1); i = semicolon + 1; continue }
        String prelude = css.substring(i, open)
        int depth = 1, j = open + 1
        while (depth > 0) { char c = css.charAt(j++); if (c == '{') depth++; else if (c == '}') depth-- }
        String body = css.substring(open + 1, j - 1)
        String head = prelude.trim()
        if (head.startsWith('@media') || head.startsWith('@supports')) {
            String inner = purge(body)
            if (!inner.isEmpty()) out.append(prelude).append('{').append(inner).append('}')
        }
        else if (head.startsWith('@')) {
            out.append(prelude).append('{').append(body).append('}')
        }
        else {
            List<String> kept = splitSelectors(prelude).findAll { keepSelector(it) }
            if (!kept.isEmpty()) out.append(kept.join(',')).append('{').append(body).append('}')
        }
        i = j
    }
    return out.toString()
}

// Two steps, each only when what it reads changed. Dart Sass (the slow one: seconds, tens of seconds on
// a busy machine) compiles when a stylesheet or Bootstrap changed; its full output is kept in
// target/sass-full. Dropping unused rules reads that output and the words, so an edit of a template or of
// Java code that names a new class only drops rules again, in a moment. A stamp of what each step read
// sits beside its output; the same stamp and every output present means nothing to do.
Files.createDirectories(output)
List<Path> stylesheets = Files.walk(base.resolve('src/main/scss')).withCloseable { paths ->
    paths.filter { Files.isRegularFile(it) }.sorted().toList()
}
List<Path> entryPoints = stylesheets.findAll { !it.fileName.toString().startsWith('_') && it.parent == base.resolve('src/main/scss') }
def cssName = { Path source -> source.fileName.toString().replaceAll(/\.scss$/, '.css') }
def sha256 = { Closure feed ->
    def digest = java.security.MessageDigest.getInstance('SHA-256')
    feed(digest)
    digest.digest().encodeHex().toString()
}
String compileStamp = sha256 { digest ->
    digest.update(version.getBytes('UTF-8'))
    stylesheets.each { digest.update(base.relativize(it).toString().getBytes('UTF-8')); digest.update(Files.readAllBytes(it)) }
}
String purgeStamp = sha256 { digest ->
    digest.update(compileStamp.getBytes('UTF-8'))
    new TreeSet<String>(words).each { digest.update(it.getBytes('UTF-8')); digest.update((byte) 0) }
}
Path full = target.resolve('sass-full')
Path compileStampFile = full.resolve('stamp')
if (entryPoints.every { Files.exists(output.resolve(cssName(it))) } && Files.exists(stampFile) && Files.readString(stampFile) == purgeStamp) {
    log.info('sass: stylesheets and the words they keep are unchanged; nothing to compile')
    Files.setLastModifiedTime(stampFile, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()))
    return
}
if (!(entryPoints.every { Files.exists(full.resolve(cssName(it))) } && Files.exists(compileStampFile)
        && Files.readString(compileStampFile) == compileStamp)) {
    Files.createDirectories(full)
    Files.deleteIfExists(compileStampFile)
    SassCompilerFactory.bundled().withCloseable { sass ->
        sass.outputStyle = OutputStyle.COMPRESSED
        sass.loadPaths = [scss.toFile()]
        sass.quietDeps = true
        ['import', 'global-builtin', 'color-functions', 'legacy-js-api'].each { sass.addSilenceDeprecation(it) }
        entryPoints.each { source ->
            Files.writeString(full.resolve(cssName(source)), sass.compileFile(source.toFile()).css)
        }
    }
    Files.writeString(compileStampFile, compileStamp)
    log.info("sass: compiled ${entryPoints.collect { base.relativize(it) }.join(', ')}")
}
else {
    log.info('sass: stylesheets unchanged, only the words changed; dropping unused rules again')
}
entryPoints.each { source ->
    String compiled = Files.readString(full.resolve(cssName(source)))
    String css = purge(compiled)
    // animations no kept rule names go too
    css = css.replaceAll(/@keyframes ([A-Za-z0-9_-]+)\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/) { all, name ->
        (css.count(name) > 1) ? all : ''
    }
    Path result = output.resolve(cssName(source))
    Files.writeString(result, css)
    log.info("sass: ${base.relativize(source)} -> ${target.relativize(result)} (${compiled.length()} characters, ${css.length()} after dropping unused rules)")
}
Files.writeString(stampFile, purgeStamp)

/** Selectors split at top-level commas (not those inside :not(a, b) or attribute values). */
static List<String> splitSelectors(String prelude) {
    List<String> parts = []
    int depth = 0, start = 0
    for (int k = 0; k < prelude.length(); k++) {
        char c = prelude.charAt(k)
        if (c == '(' || c == '[') depth++
        else if (c == ')' || c == ']') depth--
        else if (c == ',' && depth == 0) { parts << prelude.substring(start, k); start = k + 1 }
    }
    parts << prelude.substring(start)
    return parts
}
