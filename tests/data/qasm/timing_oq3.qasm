// Delays, barriers and resets: an idle-noise probe (a Ramsey-like sequence).
OPENQASM 3.0;
include "stdgates.inc";

qubit[3] q;
bit[3] c;

reset q;
h q;
barrier q;
delay[100ns] q[0];
delay[1.5us] q[1], q[2];
delay[2µs] q[0];
delay[0.001ms] q;
delay[160dt] q[2];
delay[1e-6s];
barrier q[0], q[2];
barrier;
h q;
reset q[1];
c = measure q;
