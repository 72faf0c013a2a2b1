// Five-qubit QFT with nested loops; the controlled-phase angles are computed at read time.
OPENQASM 3;
include "stdgates.inc";

const uint N = 5;
qubit[N] q;
bit[N] out;

// prepare a basis state: 10110
x q[1];
x q[2];
x q[4];

for int j in [N - 1:-1:0] {
    h q[j];
    for int k in [j - 1:-1:0] {
        cp(pi / 2 ** (j - k)) q[k], q[j];
    }
}
for int i in [0:N / 2 - 1] {
    swap q[i], q[N - 1 - i];
}
out = measure q;
