// test_cpp_client.cpp: hms::RoomCodesClient against the emulator (HMS_ROOM_ID
// a fresh room, credentials from the environment). Exits 0 when every check
// holds, else prints the first that failed.
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>

#include "hms_room_codes.hpp"

#define CHECK(cond)                                                      \
  do {                                                                   \
    if (!(cond)) {                                                       \
      std::cerr << "test_cpp_client: failed: " #cond " (line " << __LINE__ << ")\n"; \
      return 1;                                                          \
    }                                                                    \
  } while (0)

int main() {
  const char *room = std::getenv("HMS_ROOM_ID");
  if (room == nullptr) return 2;
  hms::RoomCodesClient client = hms::RoomCodesClient::from_env();

  std::vector<hms::Code> created = client.create(room);
  CHECK(created.size() == 3);
  hms::Code extra = client.create_for_role(room, "guest");
  CHECK(extra.role == "guest" && extra.enabled && !extra.created_at.empty());

  // The range walks pages of two and gives what list gives, in order.
  hms_list_filter two = {};
  two.limit = 2;
  std::vector<hms::Code> all = client.list(room, &two);
  CHECK(all.size() == 4);
  std::vector<std::string> walked;
  for (const hms::Code &code : client.codes(room, &two)) walked.push_back(code.code);
  CHECK(walked.size() == all.size());
  for (std::size_t i = 0; i < all.size(); i++) CHECK(walked[i] == all[i].code);

  hms::Code disabled = client.set_enabled(extra.code, false);
  CHECK(!disabled.enabled && disabled.code == extra.code);
  hms::Token token = client.auth_token_for_code(created[0].code, "user-1");
  CHECK(!token.token.empty() && !token.expires_at.empty());

  // Errors are hms::Error with the kind, from a method and from a range.
  try {
    client.create_for_role(room, "no-such-role");
    CHECK(false);
  } catch (const hms::Error &e) {
    CHECK(e.status() == HMS_STATUS_ROLE_NOT_FOUND && e.http_status() == 404);
  }
  try {
    for (const hms::Code &code : client.codes("")) (void)code;
    CHECK(false);
  } catch (const hms::Error &e) {
    CHECK(e.status() == HMS_STATUS_INVALID_ARGUMENT);
  }
  std::cout << "test_cpp_client: every check passed\n";
  return 0;
}
