// A circuit on physical qubits, as compiled for a device: $0..$3 only.
OPENQASM 3.0;
include "stdgates.inc";

bit[2] c;

rz(pi / 2) $0;
sx $0;
rz(pi / 2) $0;
ecr $0, $3;
x $1;
barrier $0, $1, $3;
c[0] = measure $0;
c[1] = measure $3;
