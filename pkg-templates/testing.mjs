// hms-room-codes/testing as ES module: the CommonJS module's exports (one instance).
import testing from "./testing.cjs";

export const { startEmulator, Emulator } = testing;
