// tests/support/pilot_fixture.h — hand-made pilots and pilot runs whose numbers look like real
// ones (Breast Cancer Wisconsin, ZZ-map quantum kernel, IBM Heron r1 ibm_torino vs IonQ Aria via
// Braket; a VQC variant on Iris), for the scorecard, report, store and CLI tests. The figures
// follow shared/reference/devices-prices-mitigation.md: IBM PAYG $1.60/s with the quick usage
// rule 2 s + 350 µs per execution, Braket $0.30/task + $0.03/shot, Richardson ZNE (1,3,5)
// shots ×12.25, the transpiler's success model with the profiles' median errors.
#pragma once

#include "core/pilot/pilot.h"
#include "core/pilot/run.h"

#include <string>

namespace qpilot::test {

// The pilot that produced fixtureRun(): kernel model, devices {ibm_torino, ionq_aria_1},
// mitigation "rem,zne", 1000 shots, 3 seeds, queue assumption 60 s, default objectives.
pilot::Pilot fixturePilot();
// A completed kernel run on two devices (ibm_torino: success 0.597, 66 CZ; ionq_aria_1: 0.707,
// 48 MS, no execution-time figures so its latency is unknown).
pilot::PilotRun fixtureRun();
// fixtureRun() with a third device, ionq_forte_1, that failed at transpiling (error set).
pilot::PilotRun fixtureRunWithFailedDevice();
// The pilot with the third device listed.
pilot::Pilot fixturePilotWithFailedDevice();
// A VQC pilot on Iris (3 classes) with a training-loss curve, one device (ibm_torino).
pilot::Pilot fixtureVqcPilot();
pilot::PilotRun fixtureVqcRun();

} // namespace qpilot::test
