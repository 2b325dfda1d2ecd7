# Sourced by mvnw, ./slnet and .ci/run: make JAVA_HOME point at a JDK >= 21.
# The machines' default java is 17, so we look for a newer one ourselves.
_slnet_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
_slnet_ok() { [ -x "$1/bin/javac" ] && [ "$(_slnet_java_major "$1")" -ge 21 ] 2>/dev/null; }
if [ -z "${JAVA_HOME:-}" ] || ! _slnet_ok "$JAVA_HOME"; then
  _slnet_found=""
  for _d in $( { command -v javac >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v javac)")")"; ls -d /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* 2>/dev/null; } ); do
    if _slnet_ok "$_d"; then _slnet_found="$_d"; fi
  done
  if [ -n "$_slnet_found" ]; then
    export JAVA_HOME="$_slnet_found"
  else
    echo "slnet: no JDK >= 21 found; install one or set JAVA_HOME" >&2
  fi
fi
# Maven 3.9's Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every build; JDK 23+
# can be told that this use is expected (older JDKs do not know the flag, so only then).
if [ -n "${JAVA_HOME:-}" ] && [ "$(_slnet_java_major "$JAVA_HOME")" -ge 23 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}" ;;
  esac
fi
unset -f _slnet_java_major _slnet_ok
