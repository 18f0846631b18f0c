/*
 * bcryptprimitives.dll's ProcessPrng for Wine 8.0, which lacks it: Go 1.22+
 * and Rust 1.78+ programs need it to start. For running the Windows builds in
 * `make test-dist` under wine64 only; never shipped. It fills the buffer from
 * advapi32's RtlGenRandom (SystemFunction036), which Wine has.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
  while (length > 0) {
    ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk;
    length -= chunk;
  }
  return TRUE;
}
