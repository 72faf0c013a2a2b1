// OpenQASM 2 file with definitions of gates that qelib1.inc lacks. Their names and
// signatures are standard ones, so a reader keeps them as the standard gates ecr, iswap, ryy.
OPENQASM 2.0;
include "qelib1.inc";

// Not a standard gate: it stays a composite gate definition.
gate rzx(theta) a, b {
    h b;
    cx a, b;
    rz(theta) b;
    cx a, b;
    h b;
}
gate ecr a, b {
    rzx(pi/4) a, b;
    x a;
    rzx(-pi/4) a, b;
}
gate iswap a, b {
    s a;
    s b;
    h a;
    cx a, b;
    cx b, a;
    h b;
}
gate ryy(theta) a, b {
    rx(pi/2) a;
    rx(pi/2) b;
    cx a, b;
    rz(theta) b;
    cx a, b;
    rx(-pi/2) a;
    rx(-pi/2) b;
}

qreg q[3];
creg c[3];

h q[0];
ecr q[0], q[1];
iswap q[1], q[2];
ryy(0.5) q[0], q[2];
rzx(0.25) q[2], q[0];
measure q -> c;
