#!/usr/bin/env bash
# Runs the KernelVm benchmarks in Release: the plain C pkmap reference (built here with gcc -O2),
# what an idle machine keeps, then BenchmarkDotNet. Extra arguments go to BenchmarkDotNet, e.g.:
#   benchmarks/run.sh --filter '*Pkmap*'
#   benchmarks/run.sh --job short      (a quick, less precise run)
# The cmdlet-level ratios come from benchmarks/cmdlets.ps1.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/pkmap-c/out
mkdir -p "$out"
gcc -O2 -Wall -Wextra -shared -fPIC -o "$out/libpkmap.so" benchmarks/pkmap-c/pkmap.c
export KERNELVM_PKMAP_LIB="$PWD/$out/libpkmap.so"
args=("$@")
case " $* " in
    *" --filter "*) ;;
    *) args+=(--filter '*') ;;
esac
dotnet build -c Release --nologo -v q benchmarks/KernelVm.Benchmarks >/dev/null
dotnet run -c Release --no-build --project benchmarks/KernelVm.Benchmarks -- --retained
dotnet run -c Release --no-build --project benchmarks/KernelVm.Benchmarks -- "${args[@]}"
