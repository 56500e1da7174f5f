#!/usr/bin/env python3
"""Splits the old flat `system` package into platform modules (issue 24), replayably.

Moves every main and test file of az.asan.mektub.system to the package it is for, rewrites package
lines, imports and fully qualified names everywhere in the tree (Java, resources, docs), and adds the
imports a file needs now that its former neighbours live elsewhere. Run from the project root:
    python3 src/build/split-system.py
A file it does not know goes to platform.web and is named on the output, to be placed by hand.
"""
import os, re, subprocess, sys

BASE = 'az.asan.mektub'
OLD = BASE + '.system'
P = BASE + '.platform.'
GROUPS = {
    P + 'settings': 'AsanProperties SettingsConfiguration AsanPropertiesTest',
    P + 'i18n': '''AzerbaijaniSuffixes Collation Formats IcuMessageSource LanguageCookie LanguageSwitch Localized
        Messages MessagesConfiguration Option OptionGroup
        AzerbaijaniSuffixesUnitTest BundleGrammarTest FormatsByLanguageUnitTest FormatsUnitTest GrammarIntegrationTest
        HomeAndLanguagesIntegrationTest I18nPropertiesSyncTest IcuMessageSourceUnitTest BadLanguageCookieIntegrationTest''',
    P + 'database': '''EmbeddedPostgresEnvironment EmbeddedPostgresServer PostgresSupervisor OrphanedPostgres OnlineBackup
        BackupController JobRuns SchedulingConfiguration BeforeServing BeforeServingRunner QueryRecords SqlLike DatabaseOutage
        DatabaseOutageIntegrationTest DatabaseOutageUnitTest
        BackupMomentIntegrationTest DockerComposeFileTest EmbeddedDatabaseOperationsIntegrationTest
        OnlineBackupIntegrationTest OrphanedPostgresIntegrationTest PostgresSupervisorIntegrationTest
        PostgresSupervisorUnitTest''',
    P + 'security': '''SecurityConfiguration SessionConfiguration SessionStore SessionValueCodec Sessions PlainSessionValues
        ExpiredSessions LoginThrottle GuessThrottle PasswordHashing OneTimeLinks PrivateFilesUnitTest
        PlantedCsrfCookieIntegrationTest SessionIdsAtRestIntegrationTest SessionStoreIntegrationTest''',
    P + 'web': '''WebConfiguration Links Forms Pager NotFound ErrorAnswers ShutdownAnswers RejectedRequests
        ContainerErrorPage RequestId BoundedNumbers Ranges PublicPageCaching CacheConfiguration PageShell PageShells
        Placeholders TemplateFragments SecurityHeaders RequestGuard Viewer TrustedProxies ProxyConfiguration
        CacheConfigurationTest ContainerAnswersIntegrationTest BehindTrustedProxyIntegrationTest TrustedProxiesChainUnitTest TrustedProxiesUnitTest
        ErrorPagesIntegrationTest FastAndFindableIntegrationTest HostileRequestsIntegrationTest
        JsonErrorAnswersIntegrationTest KeptPagesForSignedInPeopleIntegrationTest MetricsIntegrationTest
        OddQueryValuesIntegrationTest RefusedRequestsIntegrationTest RequestIdUnitTest SharedPageCachesIntegrationTest
        ShutdownAnswersIntegrationTest UnknownPagesIntegrationTest''',
    BASE + '.tree': 'QrCodes',
    BASE + '.letter': 'ImageSanitizer PendingUploads ImageSanitizerUnitTest',
}
TARGET = {name: pkg for pkg, names in GROUPS.items() for name in names.split()}
ROOTS = ['src/main/java', 'src/test/java']
old_dir = OLD.replace('.', '/')

moved = {}  # simple name -> new package
for root in ROOTS:
    d = os.path.join(root, old_dir)
    if not os.path.isdir(d):
        continue
    for f in sorted(os.listdir(d)):
        if not f.endswith('.java') or f == 'package-info.java':
            continue
        name = f[:-5]
        pkg = TARGET.get(name)
        if pkg is None:
            # a test named after its subject goes with it
            subject = next((n for n in sorted(TARGET, key=len, reverse=True) if name.startswith(n) and n != name), None)
            pkg = TARGET.get(subject, P + 'web')
            print('placed by guess:', root, name, '->', pkg)
        moved[name] = pkg
        dest = os.path.join(root, pkg.replace('.', '/'))
        os.makedirs(dest, exist_ok=True)
        subprocess.run(['git', 'mv', os.path.join(d, f), os.path.join(dest, f)], check=True)

# Rewrite every text file: imports and qualified names.
qualified = re.compile(re.escape(OLD) + r'\.([A-Z]\w*)')
def fix_qualified(text):
    return qualified.sub(lambda m: (moved.get(m.group(1), P + 'web') + '.' + m.group(1)), text)

files = subprocess.run(['git', 'ls-files'], capture_output=True, text=True, check=True).stdout.split()
for path in files:
    if not os.path.isfile(path) or path.endswith(('.png', '.jpg', '.ico', '.jar', '.woff2', '.xlsx', '.webp')) or path == 'src/build/split-system.py' \
            or path.startswith('src/main/resources/db/migration/'):  # applied migrations never change (checksums)
        continue
    try:
        text = open(path, encoding='utf-8').read()
    except UnicodeDecodeError:
        continue
    new = fix_qualified(text).replace(old_dir + '/', 'az/asan/mektub/platform/')
    if path.endswith('.java'):
        m = re.search(r'^package ([\w.]+);', new, re.M)
        pkg = m.group(1) if m else None
        name = os.path.basename(path)[:-5]
        if name in moved and pkg == OLD:
            pkg = moved[name]
            new = new.replace('package ' + OLD + ';', 'package ' + pkg + ';', 1)
        # former neighbours now elsewhere (same package before): import them where they are named
        if pkg and (pkg == moved.get(name) or pkg == OLD):
            body = re.sub(r'^import .*$', '', new, flags=re.M)
            code = re.sub(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\])*"', '', body, flags=re.S)
            for n, p in moved.items():
                if p != pkg and n != name and re.search(r'\b' + n + r'\b', body) and not re.search(r'\b' + n + r'\b', code):
                    new = re.sub(r'\{@link ' + n + r'\b', '{@link ' + p + '.' + n, new)
            needed = sorted(n for n, p in moved.items() if p != pkg and n != name and re.search(r'\b' + n + r'\b', code)
                            and not re.search(r'^import [\w.]+\.' + n + ';', new, re.M))
            if needed:
                imports = ''.join('import %s.%s;\n' % (moved[n], n) for n in needed)
                new = re.sub(r'^(package [\w.]+;\n)', r'\1\n' + imports.replace('\\', '\\\\'), new, count=1, flags=re.M)
    if new != text:
        open(path, 'w', encoding='utf-8').write(new)

# What another platform module now uses is its API: public, and said so.
FIXES = [
    ('i18n/LanguageCookie.java', r'^class LanguageCookie', 'public class LanguageCookie'),
    ('i18n/LanguageCookie.java', r'^\tstatic final String NAME', '\tpublic static final String NAME'),
    ('i18n/LanguageCookie.java', r'^\tstatic boolean supported', '\tpublic static boolean supported'),
    ('i18n/LanguageSwitch.java', r'^class LanguageSwitch', 'public class LanguageSwitch'),
    ('i18n/LanguageSwitch.java', r'^\tstatic final Set<String> SUPPORTED', '\tpublic static final Set<String> SUPPORTED'),
    ('i18n/LanguageSwitch.java', r'^\tLanguageSwitch\(\) \{', '\tpublic LanguageSwitch() {'),
    ('database/OnlineBackup.java', r'^\tstatic void ownerOnly', '\tpublic static void ownerOnly'),
    ('settings/SettingsConfiguration.java', r'^class SettingsConfiguration', 'public class SettingsConfiguration'),
    ('web/RequestId.java', r'^class RequestId', 'public class RequestId'),
    ('web/RequestId.java', r'^\tstatic final String ATTRIBUTE', '\tpublic static final String ATTRIBUTE'),
    ('web/RequestId.java', r'^\tstatic final String HEADER', '\tpublic static final String HEADER'),
]
for f, pattern, replacement in FIXES:
    path = os.path.join('src/main/java/az/asan/mektub/platform', f)
    text = open(path, encoding='utf-8').read()
    new = re.sub(pattern, replacement, text, count=1, flags=re.M)
    if new == text:
        print('FIX NOT APPLIED:', f, pattern)
    open(path, 'w', encoding='utf-8').write(new)

for root in ROOTS:
    d = os.path.join(root, old_dir)
    if os.path.isdir(d) and os.listdir(d) == ['package-info.java']:
        subprocess.run(['git', 'rm', '-q', os.path.join(d, 'package-info.java')], check=True)
print('moved', len(moved), 'files')

# Modules are the packages marked @ApplicationModule: the features and each platform module.
INFOS = {
    'settings': ('Settings', """The app's settings as one validated record ({@link az.asan.mektub.platform.settings.AsanProperties}):
 * every ASAN_* environment variable and asan.* property with its default and its check, and the table of
 * settings staff may change at run time. Every module reads its settings here; it reads no other module."""),
    'i18n': ('Languages', """Azerbaijani first, English and Russian: the ICU message source (plural rules; no suffix glued to a
 * placeholder, see {@link az.asan.mektub.platform.i18n.AzerbaijaniSuffixes}), numbers, money and dates in
 * the reader's format ({@link az.asan.mektub.platform.i18n.Formats}), the database's ICU collations for
 * sorting names, the language cookie and switch, and localized options for forms."""),
    'database': ('Database and jobs', """The zero-setup embedded PostgreSQL 18 (its durable start, its supervision, its stop after the web
 * server drained, orphans of a crash), what the app answers while the database is down, online backups and
 * their restore, jobs run once per cluster ({@link az.asan.mektub.platform.database.JobRuns}), work done
 * before the port opens, and the small SQL helpers every module's queries share."""),
    'security': ('Security and sessions', """Who may do what: the security filter chain, sessions kept in PostgreSQL (ids stored hashed, values
 * encoded), sign-in and guess throttles, password hashing and one-time links."""),
    'web': ('Web', """What every page shares: the request id, the proxies whose headers are trusted (none unless
 * configured), security headers and the guard before the app, the app's own answers for errors,
 * refusals and a shutdown (HTML or JSON), links and paging, form helpers, caches of public pages, and
 * pages kept for everyone they look the same for with each reader's own parts put in per request."""),
}
for module, (title, text) in INFOS.items():
    path = 'src/main/java/az/asan/mektub/platform/%s/package-info.java' % module
    if not os.path.exists(path):
        open(path, 'w', encoding='utf-8').write('/**\n * %s\n */\n@org.springframework.modulith.ApplicationModule(displayName = "%s")\npackage az.asan.mektub.platform.%s;\n' % (text, title, module))
        subprocess.run(['git', 'add', path], check=True)
base = 'src/main/java/az/asan/mektub'
for feature in sorted(os.listdir(base)):
    path = os.path.join(base, feature, 'package-info.java')
    if feature != 'platform' and os.path.isfile(path):
        text = open(path, encoding='utf-8').read()
        if '@org.springframework.modulith.ApplicationModule' not in text:
            open(path, 'w', encoding='utf-8').write(re.sub(r'^package ', '@org.springframework.modulith.ApplicationModule\npackage ', text, count=1, flags=re.M))
props = 'src/main/resources/application.properties'
text = open(props, encoding='utf-8').read()
if 'spring.modulith.detection-strategy' not in text:
    open(props, 'w', encoding='utf-8').write(text.rstrip('\n') + '\n\n# Modules are the packages marked @ApplicationModule: the features and platform.* (issue 24).\nspring.modulith.detection-strategy=explicitly-annotated\n')
