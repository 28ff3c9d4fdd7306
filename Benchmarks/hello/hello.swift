// The floor for start-up: the smallest Swift program, built by Benchmarks/run.sh with the same
// compiler and flags as curbside. Nothing is committed but this source.
print("hello")
