#!/usr/bin/env bash
# Installs and starts the services the tests need. Safe to run more than once.
set -euo pipefail
echo "services: none yet"
