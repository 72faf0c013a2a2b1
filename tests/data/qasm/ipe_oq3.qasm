// Iterative phase estimation of the phase gate p(2π·0.375) with three bits of precision.
// Each round reuses the ancilla (reset), applies the controlled power of the unitary and a
// feed-forward correction that depends on the bits measured so far.
OPENQASM 3.0;
include "stdgates.inc";

const float phase = 2 * pi * 0.375;
qubit anc;
qubit eig;
bit[3] c;

x eig; // eigenstate |1⟩ of p(phase)

for int k in [2:-1:0] {
    reset anc;
    h anc;
    pow(2 ** k) @ ctrl @ p(phase) anc, eig;
    // corrections from the bits already measured (less significant rounds come later)
    if (k < 2) {
        if (c[k + 1] == 1) p(-pi / 2) anc;
    }
    if (k < 1) {
        if (c[2]) p(-pi / 4) anc;
    }
    h anc;
    c[k] = measure anc;
}
