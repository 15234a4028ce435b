#!/usr/bin/env bash
# Runs the KernelVm benchmarks in Release. Extra arguments go to BenchmarkDotNet, e.g.:
#   benchmarks/run.sh --filter '*Boot*'
#   benchmarks/run.sh --job short      (a quick, less precise run)
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
case " $* " in
    *" --filter "*) ;;
    *) args+=(--filter '*') ;;
esac
dotnet run -c Release --project benchmarks/KernelVm.Benchmarks -- "${args[@]}"
