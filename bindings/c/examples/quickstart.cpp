// quickstart.cpp: hms-room-codes from C++ through hms_room_codes.hpp (RAII
// owners, exceptions). It creates codes for every role of a room, walks the
// listing page by page, exchanges a code for an auth token, and cancels a call
// from another thread.
//
// Environment: as quickstart.c (HMS_ROOM_ID and the credentials).
// Build: c++ -std=c++11 quickstart.cpp $(pkg-config --cflags --libs hms_room_codes)
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "hms_room_codes.hpp"

int main() {
  const char *room_id = std::getenv("HMS_ROOM_ID");
  if (room_id == nullptr || (std::getenv("HMS_MANAGEMENT_TOKEN") == nullptr && std::getenv("HMS_SECRET") == nullptr)) {
    std::cerr << "[c++] set HMS_ROOM_ID (one of your rooms) and HMS_ACCESS_KEY + HMS_SECRET (or "
                 "HMS_MANAGEMENT_TOKEN), or run `make demo` (local emulator)\n";
    return 2;
  }
  try {
    hms::Client client = hms::take<hms::Client>(hms_client_new_from_env);

    hms::RoomCodeList codes = hms::take<hms::RoomCodeList>(hms_room_codes_create, client.get(), nullptr, room_id);
    for (size_t i = 0; i < codes->len; i++) {
      std::cout << "[c++] code for " << codes->items[i].role << ": " << codes->items[i].code << "\n";
    }

    // Page by page: the iterator keeps the cursor, each page frees itself.
    hms_list_filter filter = {};
    filter.limit = 10;
    hms::ListIter pages = hms::take<hms::ListIter>(hms_list_iter_new, client.get(), room_id, &filter);
    size_t page_count = 0, code_count = 0;
    while (hms::RoomCodePage page = hms::take<hms::RoomCodePage>(hms_list_iter_next, pages.get(), nullptr)) {
      page_count++;
      code_count += page->len;
    }
    std::cout << "[c++] listed " << code_count << " codes in " << page_count << " page(s)\n";

    hms::RoomCode guest =
        hms::take<hms::RoomCode>(hms_room_codes_create_for_role, client.get(), nullptr, room_id, "guest");
    hms::AuthToken token = hms::take<hms::AuthToken>(hms_auth_token_for_code, client.get(), nullptr, guest->code, nullptr);
    std::cout << "[c++] auth token for " << guest->code << ": " << std::string(token->token).substr(0, 24)
              << "...\n";

    // Errors carry a kind to switch on.
    try {
      hms::take<hms::RoomCode>(hms_room_codes_create_for_role, client.get(), nullptr, room_id, "no-such-role");
    } catch (const hms::Error &e) {
      if (e.status() != HMS_STATUS_ROLE_NOT_FOUND) throw;
      std::cout << "[c++] expected error: " << e.kind() << " (HTTP " << e.http_status() << ")\n";
    }

    // Cancel from another thread: the call ends with HMS_STATUS_TIMEOUT ("cancelled").
    hms::CancelToken cancel(hms_cancel_token_new());
    hms_call_options call = {};
    call.cancel = cancel.get();
    std::thread canceller([&cancel] { hms_cancel_token_cancel(cancel.get()); });
    canceller.join();
    try {
      hms::take<hms::RoomCodeList>(hms_room_codes_list, client.get(), &call, room_id, nullptr);
    } catch (const hms::Error &e) {
      if (e.status() != HMS_STATUS_TIMEOUT) throw;
      std::cout << "[c++] cancelled call: " << e.message() << "\n";
    }
    return 0;
  } catch (const hms::Error &e) {
    std::cerr << "[c++] failed: " << e.what() << "\n";
    return 1;
  }
}
