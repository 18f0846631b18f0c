// quickstart.cpp: the hms-room-codes C API from C++, with RAII handles and
// exceptions. It creates codes for every role of a room, lists them page by
// page, exchanges a code for an auth token, and cancels a call from another thread.
//
// Environment: as quickstart.c (HMS_ROOM_ID and the credentials).
// Build: c++ -std=c++17 quickstart.cpp $(pkg-config --cflags --libs hms_room_codes)
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "hms_room_codes.h"

namespace {

// Owns what the library returns: each handle goes back through its own _free.
template <typename T, void (*Free)(T *)>
struct Deleter {
  void operator()(T *p) const { Free(p); }
};
template <typename T, void (*Free)(T *)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using Client = Owned<hms_client, hms_client_free>;
using CodeList = Owned<hms_room_code_list, hms_room_code_list_free>;
using Page = Owned<hms_room_code_page, hms_room_code_page_free>;
using Code = Owned<hms_room_code, hms_room_code_free>;
using String = Owned<char, hms_string_free>;
using CancelToken = Owned<hms_cancel_token, hms_cancel_token_free>;

// An hms_error as a C++ exception.
class Error : public std::runtime_error {
 public:
  Error(hms_status status, hms_error *err)
      : std::runtime_error(std::string(hms_error_kind_name(err)) + ": " + hms_error_message(err)),
        status(status) {
    hms_error_free(err);
  }
  hms_status status;
};

// Throws when a call failed.
void check(hms_status status, hms_error *err) {
  if (status != HMS_STATUS_OK) throw Error(status, err);
}

}  // namespace

int main() {
  const char *room_id = std::getenv("HMS_ROOM_ID");
  if (room_id == nullptr) {
    std::cerr << "[c++] set HMS_ROOM_ID to the id of one of your rooms\n";
    return 2;
  }
  try {
    hms_error *err = nullptr;
    hms_client *raw_client = nullptr;
    check(hms_client_new_from_env(&raw_client, &err), err);
    Client client(raw_client);

    hms_room_code_list *raw_codes = nullptr;
    check(hms_room_codes_create(client.get(), nullptr, room_id, &raw_codes, &err), err);
    CodeList codes(raw_codes);
    for (size_t i = 0; i < codes->len; i++) {
      std::cout << "[c++] code for " << codes->items[i].role << ": " << codes->items[i].code << "\n";
    }

    // Page by page: each page's `last` is the next page's `start`.
    hms_list_filter filter = {};
    filter.limit = 10;
    std::string cursor;
    int pages = 0;
    for (;;) {
      filter.start = cursor.empty() ? nullptr : cursor.c_str();
      hms_room_code_page *raw_page = nullptr;
      check(hms_room_codes_list_page(client.get(), nullptr, room_id, &filter, &raw_page, &err), err);
      Page page(raw_page);
      pages++;
      if (page->last == nullptr) break;
      cursor = page->last;
    }
    std::cout << "[c++] listed the room in " << pages << " page(s)\n";

    hms_room_code *raw_guest = nullptr;
    check(hms_room_codes_create_for_role(client.get(), nullptr, room_id, "guest", &raw_guest, &err), err);
    Code guest(raw_guest);
    char *raw_token = nullptr;
    check(hms_auth_token_for_code(client.get(), nullptr, guest->code, nullptr, &raw_token, &err), err);
    String token(raw_token);
    std::cout << "[c++] auth token for " << guest->code << ": " << std::string(token.get()).substr(0, 24)
              << "...\n";

    // Cancel from another thread: the call ends with HMS_STATUS_TIMEOUT ("cancelled").
    CancelToken cancel(hms_cancel_token_new());
    hms_call_options call = {};
    call.cancel = cancel.get();
    std::thread canceller([&cancel] { hms_cancel_token_cancel(cancel.get()); });
    canceller.join();
    hms_room_code_list *raw_all = nullptr;
    hms_status status = hms_room_codes_list(client.get(), &call, room_id, nullptr, &raw_all, &err);
    CodeList all(raw_all);
    if (status == HMS_STATUS_TIMEOUT) {
      std::cout << "[c++] cancelled call: " << hms_error_message(err) << "\n";
    }
    hms_error_free(err);
    return 0;
  } catch (const Error &e) {
    std::cerr << "[c++] failed: " << e.what() << "\n";
    return 1;
  }
}
