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
//
// Or through hms::RoomCodesClient, a client class with a method per operation
// that returns plain C++ values (hms::Code, std::vector, std::string), throws
// hms::Error, and lists codes as a range fetched page by page:
//
//   hms::RoomCodesClient client = hms::RoomCodesClient::from_env();
//   for (const hms::Code &code : client.codes(room_id)) { /* code.code, code.role ... */ }
#ifndef HMS_ROOM_CODES_HPP
#define HMS_ROOM_CODES_HPP

#include <chrono>
#include <cstddef>
#include <iterator>
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

// A room code as plain C++ values (a copy of the library's hms_room_code).
struct Code {
  std::string code;
  std::string room_id;
  std::string role;
  // RFC 3339, or empty when the service did not say.
  std::string created_at;
  std::string updated_at;
  bool enabled;

  explicit Code(const hms_room_code &c)
      : code(c.code),
        room_id(c.room_id),
        role(c.role),
        created_at(c.created_at ? c.created_at : ""),
        updated_at(c.updated_at ? c.updated_at : ""),
        enabled(c.enabled) {}
};

namespace detail {

inline std::vector<Code> codes_of(const hms_room_code *items, std::size_t len) {
  std::vector<Code> codes;
  codes.reserve(len);
  for (std::size_t i = 0; i < len; i++) codes.emplace_back(items[i]);
  return codes;
}

}  // namespace detail

// The codes of a room as an input range, fetched a page at a time while it is
// walked (hms_list_iter underneath); a failed page throws hms::Error from the
// iterator's increment (or from begin()). Walk it once.
// A client auth token and when it expires (RFC 3339; empty if the service did
// not say). The token is a credential: keep it out of logs.
struct Token {
  std::string token;
  std::string expires_at;
};

class CodeRange {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Code;
    using difference_type = std::ptrdiff_t;
    using pointer = const Code *;
    using reference = const Code &;

    iterator() : range_(nullptr) {}
    explicit iterator(CodeRange *range) : range_(range) { settle(); }
    reference operator*() const { return range_->page_[range_->index_]; }
    pointer operator->() const { return &range_->page_[range_->index_]; }
    iterator &operator++() {
      range_->index_++;
      settle();
      return *this;
    }
    bool operator==(const iterator &other) const { return range_ == other.range_; }
    bool operator!=(const iterator &other) const { return range_ != other.range_; }

   private:
    // Fetches pages until there is a code to read, or becomes the end.
    void settle() {
      while (range_ != nullptr && range_->index_ >= range_->page_.size()) {
        if (!range_->fetch()) range_ = nullptr;
      }
    }
    CodeRange *range_;
  };

  CodeRange(ListIter pages, const hms_call_options *call) : pages_(std::move(pages)), call_(call), index_(0) {}
  iterator begin() { return iterator(this); }
  iterator end() { return iterator(); }

 private:
  // The next page's codes into page_; false at the end of the listing.
  bool fetch() {
    RoomCodePage page = take<RoomCodePage>(hms_list_iter_next, pages_.get(), call_);
    if (!page) return false;
    page_ = detail::codes_of(page->items, page->len);
    index_ = 0;
    return true;
  }

  ListIter pages_;
  const hms_call_options *call_;
  std::vector<Code> page_;
  std::size_t index_;
};

// A client of the Room Codes API with a method per operation. Each takes the
// operation's arguments and, last, optional per-call bounds (a deadline, a
// cancel token; nullptr for none), returns plain C++ values and throws
// hms::Error. Thread-safe: share one client between threads.
class RoomCodesClient {
 public:
  // A client configured with `options` (which stay the caller's).
  explicit RoomCodesClient(const hms_client_options *options)
      : client_(take<Client>(hms_client_new, options)) {}

  // A client configured from the environment (HMS_MANAGEMENT_TOKEN, or
  // HMS_ACCESS_KEY + HMS_SECRET, and HMS_API_BASE_URL / HMS_AUTH_BASE_URL).
  static RoomCodesClient from_env() { return RoomCodesClient(take<Client>(hms_client_new_from_env)); }

  // An enabled code for every role of room `room_id` (creating the missing ones).
  std::vector<Code> create(const std::string &room_id, const hms_call_options *call = nullptr) const {
    RoomCodeList list = take<RoomCodeList>(hms_room_codes_create, client_.get(), call, room_id.c_str());
    return detail::codes_of(list->items, list->len);
  }

  // One more code for `role` in room `room_id`.
  Code create_for_role(const std::string &room_id, const std::string &role,
                       const hms_call_options *call = nullptr) const {
    RoomCode code =
        take<RoomCode>(hms_room_codes_create_for_role, client_.get(), call, room_id.c_str(), role.c_str());
    return Code(*code);
  }

  // Every code of room `room_id` that `filter` keeps (nullptr for all), every page fetched first.
  std::vector<Code> list(const std::string &room_id, const hms_list_filter *filter = nullptr,
                         const hms_call_options *call = nullptr) const {
    RoomCodeList list = take<RoomCodeList>(hms_room_codes_list, client_.get(), call, room_id.c_str(), filter);
    return detail::codes_of(list->items, list->len);
  }

  // The same codes as a range fetched page by page while it is walked; `call`
  // bounds each page. The client must outlive the range.
  CodeRange codes(const std::string &room_id, const hms_list_filter *filter = nullptr,
                  const hms_call_options *call = nullptr) const {
    return CodeRange(take<ListIter>(hms_list_iter_new, client_.get(), room_id.c_str(), filter), call);
  }

  // Enables or disables `code`; returns the updated code.
  Code set_enabled(const std::string &code, bool enabled, const hms_call_options *call = nullptr) const {
    return Code(*take<RoomCode>(hms_room_codes_set_enabled, client_.get(), call, code.c_str(), enabled));
  }

  // A client auth token and its expiry for room code `code` and `user_id`
  // (empty: the service picks one).
  Token auth_token_for_code(const std::string &code, const std::string &user_id = "",
                            const hms_call_options *call = nullptr) const {
    AuthToken token = take<AuthToken>(hms_auth_token_for_code, client_.get(), call, code.c_str(),
                                      user_id.empty() ? nullptr : user_id.c_str());
    return Token{token->token, token->expires_at ? token->expires_at : ""};
  }

  // The C client, for the C API's other functions.
  hms_client *get() const { return client_.get(); }

 private:
  explicit RoomCodesClient(Client client) : client_(std::move(client)) {}
  Client client_;
};

}  // namespace hms

#endif  // HMS_ROOM_CODES_HPP
