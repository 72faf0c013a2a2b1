// Grover search for the marked state |101⟩ on three qubits (two iterations).
OPENQASM 3.0;
include "stdgates.inc";

gate oracle a, b, c {
    x b;
    ctrl(2) @ z a, b, c;
    x b;
}

gate diffuser a, b, c {
    h a; h b; h c;
    x a; x b; x c;
    ctrl(2) @ z a, b, c;
    x a; x b; x c;
    h a; h b; h c;
}

qubit[3] q;
bit[3] result;

h q;
for int iteration in [1:2] {
    oracle q[0], q[1], q[2];
    diffuser q[0], q[1], q[2];
}
result = measure q;
