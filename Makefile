# Curbside: common tasks. SCRATCH picks the build folder (default .build).
SCRATCH ?= .build
SWIFT_FLAGS = --scratch-path $(SCRATCH)

.PHONY: build release test check replay lint all bench privacy clean-cache

build:
	swift build $(SWIFT_FLAGS)

# The shipping build: optimised, Swift runtime linked statically (a third of the start-up).
release:
	swift build -c release --static-swift-stdlib $(SWIFT_FLAGS)

test:
	swift test $(SWIFT_FLAGS)

check: build
	swift run $(SWIFT_FLAGS) -q curbside check

replay: build
	swift run $(SWIFT_FLAGS) -q curbside replay

# The style of .swift-format, strictly.
lint:
	swift format lint --strict -r Sources Tests Package.swift

# What CI checks, in one command.
all: lint test check replay

# Start-up vs a Swift hello, warm latency, throughput, peak RSS, growth, privacy: see
# Benchmarks/run.sh (builds its own release in .build-bench).
bench:
	Benchmarks/run.sh

# No network system call in any command (strace; installed when missing and root).
privacy: release
	Benchmarks/privacy.sh "$$(swift build -c release --static-swift-stdlib $(SWIFT_FLAGS) --show-bin-path)/curbside"

# Removes the start-up cache (it rebuilds itself; this is never needed for correctness).
clean-cache:
	rm -rf "$${XDG_CACHE_HOME:-$$HOME/.cache}/curbside"
