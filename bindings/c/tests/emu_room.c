/* emu_room: prints the id of a new room on the emulator (for the demos, whose
 * quickstarts read HMS_ROOM_ID). Usage: emu_room [template_id] */
#include <stdio.h>
#include <stdlib.h>

#include "emu.h"

int main(int argc, char **argv) {
  char *id = emu_create_room(argc > 1 ? argv[1] : NULL);
  if (id == NULL) {
    fprintf(stderr, "emu_room: could not create a room\n");
    return 1;
  }
  printf("%s\n", id);
  free(id);
  return 0;
}
