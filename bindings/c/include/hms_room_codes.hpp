// hms_room_codes.hpp: the hms-room-codes C API for C++ (C++11 and later).
//
// Header-only, over hms_room_codes.h: RAII owners for every handle the
// library returns, an exception carrying the error's kind, HTTP status,
// message, details and Retry-After wait, and `hms::take`, which makes a call
// and returns what it stored in its out-parameter as an owner (or throws).
//
//   auto client = hms::take<hms::Client>(hms_client_new_from_env);
//   auto code = hms::take<hms::RoomCode>(hms_room_codes_create_for_role,
//                                        client.get(), nullptr, room_id, "guest");
//   auto pages = hms::take<hms::ListIter>(hms_list_iter_new, client.get(), room_id, nullptr);
//   while (auto page = hms::take<hms::RoomCodePage>(hms_list_iter_next, pages.get(), nullptr)) {
//     // page->items[0 .. page->len - 1]
//   }
#ifndef HMS_ROOM_CODES_HPP
#define HMS_ROOM_CODES_HPP

#include <chrono>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "hms_room_codes.h"

namespace hms {

namespace detail {

// Gives a handle back to the library through its own _free function.
template <typename T, void (*Free)(T *)>
struct Deleter {
  void operator()(T *handle) const { Free(handle); }
};

}  // namespace detail

// An owner of a handle the library returned, freed with Free.
template <typename T, void (*Free)(T *)>
using Owned = std::unique_ptr<T, detail::Deleter<T, Free>>;

// The owners, one per handle type of the C API.
using Client = Owned<hms_client, hms_client_free>;
using ClientOptions = Owned<hms_client_options, hms_client_options_free>;
using ErrorHandle = Owned<hms_error, hms_error_free>;
using RoomCode = Owned<hms_room_code, hms_room_code_free>;
using RoomCodeList = Owned<hms_room_code_list, hms_room_code_list_free>;
using RoomCodePage = Owned<hms_room_code_page, hms_room_code_page_free>;
using ListIter = Owned<hms_list_iter, hms_list_iter_free>;
using String = Owned<char, hms_string_free>;
using AuthToken = Owned<hms_auth_token, hms_auth_token_free>;
using CancelToken = Owned<hms_cancel_token, hms_cancel_token_free>;

// A failed call, with everything its hms_error said (copied, so the
// exception outlives the C error).
class Error : public std::runtime_error {
 public:
  // Takes `err` (freeing it; NULL when the caller asked for no error) of a
  // call that returned `status`.
  Error(hms_status status, hms_error *err) : Error(status, ErrorHandle(err)) {}

  // The kind, as the HMS_STATUS_* value every binding shares.
  hms_status status() const { return status_; }
  // The kind's name, e.g. "room_not_found".
  const std::string &kind() const { return kind_; }
  // The message (the service's own when it sent one), without the kind.
  const std::string &message() const { return message_; }
  // The HTTP status of the answer, or 0 when none came back.
  unsigned http_status() const { return http_status_; }
  // The service's details, if it sent any.
  const std::vector<std::string> &details() const { return details_; }
  // The wait the service asked for in a Retry-After header, or 0.
  std::chrono::milliseconds retry_after() const { return retry_after_; }

 private:
  Error(hms_status status, ErrorHandle err)
      : std::runtime_error(describe(status, err.get())),
        status_(status),
        kind_(hms_status_name(status)),
        message_(hms_error_message(err.get())),
        http_status_(hms_error_http_status(err.get())),
        details_(details_of(err.get())),
        retry_after_(static_cast<std::chrono::milliseconds::rep>(hms_error_retry_after_ms(err.get()))) {}

  // "kind: message (HTTP status)", as the other bindings print an error.
  static std::string describe(hms_status status, const hms_error *err) {
    std::string text = hms_status_name(status);
    const std::string message = hms_error_message(err);
    if (!message.empty()) text += ": " + message;
    if (hms_error_http_status(err) != 0) text += " (HTTP " + std::to_string(hms_error_http_status(err)) + ")";
    return text;
  }

  static std::vector<std::string> details_of(const hms_error *err) {
    std::vector<std::string> details;
    for (std::size_t i = 0; i < hms_error_details_count(err); i++) details.emplace_back(hms_error_details_at(err, i));
    return details;
  }

  hms_status status_;
  std::string kind_;
  std::string message_;
  unsigned http_status_;
  std::vector<std::string> details_;
  std::chrono::milliseconds retry_after_;
};

// Throws an Error (taking `err`) unless `status` is HMS_STATUS_OK.
inline void check(hms_status status, hms_error *err) {
  if (status != HMS_STATUS_OK) throw Error(status, err);
}

// Calls `fn(args..., &out, &err)` and returns `out` as an Owner, or throws an
// Error. An owner of NULL means the call stored NULL (hms_list_iter_next at
// the end of a listing).
template <typename Owner, typename Fn, typename... Args>
Owner take(Fn fn, Args &&...args) {
  typename Owner::pointer out = nullptr;
  hms_error *err = nullptr;
  const hms_status status = fn(std::forward<Args>(args)..., &out, &err);  // before reading err
  check(status, err);
  return Owner(out);
}

}  // namespace hms

#endif  // HMS_ROOM_CODES_HPP
