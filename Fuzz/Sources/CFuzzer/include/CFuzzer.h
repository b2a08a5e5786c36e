#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver, for a main of our own: SwiftPM names an executable's entry point
// <Target>_main on Linux and links `main` to it, so libFuzzer's own main is never used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
