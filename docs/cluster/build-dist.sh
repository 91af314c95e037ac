#!/usr/bin/env bash
# Builds Primer once into a self-contained directory that cluster nodes can run without Maven,
# the sources or ~/.m2:
#   DIR/lib/*.jar     Primer's jars and every runtime dependency (TensorFlow's native library too)
#   DIR/bin/primer    the launcher: DIR/bin/primer compare ..., as ./primer in a clone
# Usage: docs/cluster/build-dist.sh DIR          (CPU build)
#        docs/cluster/build-dist.sh DIR -Pgpu    (the CUDA build; see README, GPU)
# Put DIR on the shared file system (Slurm) or COPY it into an image (Dockerfile beside this).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dest="${1:?usage: build-dist.sh DIR [-Pgpu]}"
shift
if [[ -e "$dest/lib" ]]; then
  echo "build-dist.sh: $dest/lib exists; give a new directory (a CPU and a GPU build must not mix)" >&2
  exit 2
fi
mkdir -p "$dest/lib" "$dest/bin"
dest="$(cd "$dest" && pwd)"
(cd "$root" && mvn -B -q "$@" -Dmaven.test.skip=true package dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$dest/lib")
find "$root/samples/target" -maxdepth 1 -name 'primer-samples-*.jar' ! -name '*-sources.jar' \
  ! -name '*-javadoc.jar' -exec cp {} "$dest/lib/" \;
cat > "$dest/bin/primer" <<'LAUNCHER'
#!/usr/bin/env bash
# Primer's command line from a directory built by docs/cluster/build-dist.sh.
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-1}"
# as ./primer does: XLA on the CPU for a model compiled with it (CompileOptions.withXla)
case " ${TF_XLA_FLAGS:-} " in
  *" --tf_xla_cpu_global_jit "*) ;;
  *) export TF_XLA_FLAGS="${TF_XLA_FLAGS:+$TF_XLA_FLAGS }--tf_xla_cpu_global_jit" ;;
esac
# as ./primer does: the quick JIT and the serial collector unless PRIMER_JAVA_OPTS is set
exec java -Djava.awt.headless=true ${PRIMER_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "$home/lib/*" \
  dev.primer.samples.cli.Main "$@"
LAUNCHER
chmod +x "$dest/bin/primer"
echo "built $dest: run $dest/bin/primer --version"
