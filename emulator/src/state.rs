//! The emulated service's data: templates, rooms and their room codes, and the rules that
//! govern them.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::ApiError;
use crate::ids::Rng;
use crate::time::{now_ms, rfc3339_ms};

/// The id of the template that rooms created without `template_id` use.
pub const DEFAULT_TEMPLATE_ID: &str = "default";
/// The roles of the default template.
const DEFAULT_ROLES: [&str; 3] = ["host", "guest", "viewer"];
/// The most room codes a room can hold.
pub const MAX_CODES_PER_ROOM: usize = 100;
/// An extra field on rooms and room codes, so that clients prove they ignore unknown fields.
const CUSTOMER_ID: &str = "emulator-customer";

/// A room code, serialized as the service sends it.
#[derive(Debug, Clone, Serialize)]
pub struct RoomCode {
    code: String,
    room_id: String,
    role: String,
    enabled: bool,
    created_at: String,
    updated_at: String,
    customer_id: &'static str,
    /// `updated_at` in milliseconds since the epoch.
    #[serde(skip)]
    updated_ms: u64,
}

/// A room, serialized as the service sends it; its codes are kept in creation order.
#[derive(Debug, Serialize)]
pub struct Room {
    id: String,
    name: String,
    enabled: bool,
    template_id: String,
    description: String,
    region: String,
    customer_id: &'static str,
    created_at: String,
    updated_at: String,
    #[serde(skip)]
    codes: Vec<RoomCode>,
}

impl Room {
    /// The room's id.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// The fields of a room to create; absent ones get defaults.
#[derive(Debug, Default)]
pub struct NewRoom {
    /// The unique name; a room with this name already is returned as it is.
    pub name: Option<String>,
    /// A free text.
    pub description: Option<String>,
    /// The template whose roles the room has.
    pub template_id: Option<String>,
    /// The region, `in` by default.
    pub region: Option<String>,
}

/// The filters and position of one listing page.
#[derive(Debug)]
pub struct ListQuery {
    /// Only codes of this role.
    pub role: Option<String>,
    /// Only codes in this state.
    pub enabled: Option<bool>,
    /// The most codes on the page.
    pub limit: usize,
    /// The cursor (`last`) of the previous page.
    pub start: Option<String>,
}

/// One listing page.
#[derive(Debug, Serialize)]
pub struct Page<'a> {
    limit: usize,
    data: Vec<&'a RoomCode>,
    /// The cursor for the next page, absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<&'a str>,
}

/// Who a room code lets in, and as whom: what an app token is made of.
#[derive(Debug)]
pub struct Grant {
    /// The room.
    pub room_id: String,
    /// The role.
    pub role: String,
    /// The user: as asked, or a fresh UUID.
    pub user_id: String,
    /// A fresh UUID for the token's `jti`.
    pub jti: String,
}

/// Everything the emulated service stores.
#[derive(Debug)]
pub struct State {
    templates: HashMap<String, Vec<String>>,
    rooms: HashMap<String, Room>,
    room_ids_by_name: HashMap<String, String>,
    room_ids_by_code: HashMap<String, String>,
    rng: Rng,
}

impl State {
    /// An empty service with only the default template.
    pub fn new() -> Self {
        let mut templates = HashMap::new();
        templates.insert(
            DEFAULT_TEMPLATE_ID.to_owned(),
            DEFAULT_ROLES.map(str::to_owned).to_vec(),
        );
        State {
            templates,
            rooms: HashMap::new(),
            room_ids_by_name: HashMap::new(),
            room_ids_by_code: HashMap::new(),
            rng: Rng::new(),
        }
    }

    /// Defines or replaces a template.
    pub fn define_template(&mut self, id: String, roles: Vec<String>) {
        self.templates.insert(id, roles);
    }

    /// Creates a room, or returns the one that has its name already.
    pub fn create_room(&mut self, new: NewRoom) -> Result<&Room, ApiError> {
        if let Some(id) = new.name.as_ref().and_then(|n| self.room_ids_by_name.get(n)) {
            return Ok(&self.rooms[id]);
        }
        let template_id = new
            .template_id
            .unwrap_or_else(|| DEFAULT_TEMPLATE_ID.to_owned());
        if !self.templates.contains_key(&template_id) {
            return Err(ApiError::new(400, "template not found")
                .detail(format!("no template has the id {template_id:?}")));
        }
        let id = loop {
            let id = self.rng.room_id();
            if !self.rooms.contains_key(&id) {
                break id;
            }
        };
        let name = new.name.unwrap_or_else(|| format!("room-{id}"));
        let now = rfc3339_ms(now_ms());
        self.room_ids_by_name.insert(name.clone(), id.clone());
        let room = Room {
            id: id.clone(),
            name,
            enabled: true,
            template_id,
            description: new.description.unwrap_or_default(),
            region: new.region.unwrap_or_else(|| "in".to_owned()),
            customer_id: CUSTOMER_ID,
            created_at: now.clone(),
            updated_at: now,
            codes: Vec::new(),
        };
        Ok(self.rooms.entry(id).or_insert(room))
    }

    /// Updates a room's `enabled` and `description` where given.
    pub fn update_room(
        &mut self,
        room_id: &str,
        enabled: Option<bool>,
        description: Option<String>,
    ) -> Result<&Room, ApiError> {
        let room = self
            .rooms
            .get_mut(room_id)
            .ok_or_else(ApiError::room_not_found)?;
        if let Some(enabled) = enabled {
            room.enabled = enabled;
        }
        if let Some(description) = description {
            room.description = description;
        }
        room.updated_at = rfc3339_ms(now_ms());
        Ok(room)
    }

    /// One enabled code per role of the room: the existing one, or a new one. Enabled codes of
    /// roles the template no longer has are disabled.
    pub fn create_for_all_roles(&mut self, room_id: &str) -> Result<Vec<&RoomCode>, ApiError> {
        let mut open = self.open_room(room_id)?;
        let roles = open.roles;
        let missing: Vec<&String> = roles
            .iter()
            .filter(|role| {
                !open
                    .room
                    .codes
                    .iter()
                    .any(|c| c.enabled && &c.role == *role)
            })
            .collect();
        check_capacity(open.room, missing.len())?;
        let now = now_ms();
        for code in open.room.codes.iter_mut() {
            if code.enabled && !roles.contains(&code.role) {
                code.enabled = false;
                code.updated_ms = now.max(code.updated_ms + 1);
                code.updated_at = rfc3339_ms(code.updated_ms);
            }
        }
        for role in missing {
            open.add_code(role, now);
        }
        let room: &Room = open.room;
        Ok(roles
            .iter()
            .filter_map(|role| room.codes.iter().find(|c| c.enabled && &c.role == role))
            .collect())
    }

    /// A new code for one role of the room.
    pub fn create_for_role(&mut self, room_id: &str, role: &str) -> Result<&RoomCode, ApiError> {
        let mut open = self.open_room(room_id)?;
        if !open.roles.iter().any(|r| r == role) {
            return Err(ApiError::role_not_found());
        }
        check_capacity(open.room, 1)?;
        open.add_code(role, now_ms());
        let room: &Room = open.room;
        Ok(room.codes.last().expect("just added"))
    }

    /// The enabled room `room_id`, ready for new codes.
    fn open_room(&mut self, room_id: &str) -> Result<OpenRoom<'_>, ApiError> {
        let State {
            templates,
            rooms,
            room_ids_by_code,
            rng,
            ..
        } = self;
        let room = enabled_room(rooms, room_id)?;
        Ok(OpenRoom {
            roles: &templates[&room.template_id],
            room,
            room_ids_by_code,
            rng,
        })
    }

    /// One page of a room's codes, in creation order.
    pub fn list(&self, room_id: &str, query: &ListQuery) -> Result<Page<'_>, ApiError> {
        let room = self
            .rooms
            .get(room_id)
            .ok_or_else(ApiError::room_not_found)?;
        if !room.enabled {
            return Err(ApiError::room_disabled());
        }
        if let Some(role) = &query.role {
            if !self.templates[&room.template_id].contains(role) {
                return Err(ApiError::role_not_found());
            }
        }
        let skip = match &query.start {
            None => 0,
            Some(start) => {
                room.codes
                    .iter()
                    .position(|c| &c.code == start)
                    .ok_or_else(|| {
                        ApiError::new(400, "invalid query parameter")
                            .detail("start is not a cursor of this room's listing")
                    })?
                    + 1
            }
        };
        let mut matching = room.codes[skip..].iter().filter(|c| {
            query.role.as_ref().is_none_or(|r| &c.role == r)
                && query.enabled.is_none_or(|e| c.enabled == e)
        });
        let data: Vec<&RoomCode> = matching.by_ref().take(query.limit).collect();
        let last = match matching.next() {
            Some(_) => data.last().map(|c| c.code.as_str()),
            None => None,
        };
        Ok(Page {
            limit: query.limit,
            data,
            last,
        })
    }

    /// Enables or disables a code; `updated_at` always moves forward.
    pub fn set_code_enabled(&mut self, code: &str, enabled: bool) -> Result<&RoomCode, ApiError> {
        let room_id = self
            .room_ids_by_code
            .get(code)
            .ok_or_else(ApiError::code_not_found)?;
        let room = self.rooms.get_mut(room_id).expect("a code's room exists");
        let entry = room
            .codes
            .iter_mut()
            .find(|c| c.code == code)
            .expect("an indexed code is in its room");
        if enabled && !room.enabled {
            return Err(ApiError::new(
                403,
                "room code can not be enabled: its room is disabled",
            ));
        }
        if enabled && !self.templates[&room.template_id].contains(&entry.role) {
            return Err(ApiError::new(
                403,
                "room code can not be enabled: its role no longer exists",
            ));
        }
        // The time, or 1 ms past the last update if the clock has not moved, so that every
        // update shows.
        let ms = now_ms().max(entry.updated_ms + 1);
        entry.enabled = enabled;
        entry.updated_ms = ms;
        entry.updated_at = rfc3339_ms(ms);
        Ok(entry)
    }

    /// Checks that a code may be exchanged for an app token, and says for whom.
    pub fn grant(&mut self, code: &str, user_id: Option<String>) -> Result<Grant, ApiError> {
        let room_id = self
            .room_ids_by_code
            .get(code)
            .ok_or_else(ApiError::code_not_found)?;
        let room = &self.rooms[room_id];
        if !room.enabled {
            return Err(ApiError::room_disabled());
        }
        let entry = room
            .codes
            .iter()
            .find(|c| c.code == code)
            .expect("an indexed code is in its room");
        if !entry.enabled {
            return Err(ApiError::new(403, "room code is disabled"));
        }
        let (room_id, role) = (room.id.clone(), entry.role.clone());
        Ok(Grant {
            room_id,
            role,
            user_id: user_id.unwrap_or_else(|| self.rng.uuid()),
            jti: self.rng.uuid(),
        })
    }
}

fn enabled_room<'a>(
    rooms: &'a mut HashMap<String, Room>,
    room_id: &str,
) -> Result<&'a mut Room, ApiError> {
    let room = rooms
        .get_mut(room_id)
        .ok_or_else(ApiError::room_not_found)?;
    if room.enabled {
        Ok(room)
    } else {
        Err(ApiError::room_disabled())
    }
}

fn check_capacity(room: &Room, adding: usize) -> Result<(), ApiError> {
    if room.codes.len() + adding > MAX_CODES_PER_ROOM {
        Err(
            ApiError::new(400, "room code limit reached").detail(format!(
                "a room can hold at most {MAX_CODES_PER_ROOM} room codes"
            )),
        )
    } else {
        Ok(())
    }
}

/// An enabled room, the roles of its template, and what a new code of it needs: borrowed
/// apart from the rest of the [`State`].
struct OpenRoom<'a> {
    roles: &'a [String],
    room: &'a mut Room,
    room_ids_by_code: &'a mut HashMap<String, String>,
    rng: &'a mut Rng,
}

impl OpenRoom<'_> {
    /// Adds a new enabled code for `role`, made at `now`, with a code no room has yet.
    fn add_code(&mut self, role: &str, now: u64) {
        let at = rfc3339_ms(now);
        let code = loop {
            let code = self.rng.room_code();
            if !self.room_ids_by_code.contains_key(&code) {
                break code;
            }
        };
        self.room_ids_by_code
            .insert(code.clone(), self.room.id.clone());
        let room_id = self.room.id.clone();
        self.room.codes.push(RoomCode {
            code,
            room_id,
            role: role.to_owned(),
            enabled: true,
            created_at: at.clone(),
            updated_at: at,
            customer_id: CUSTOMER_ID,
            updated_ms: now,
        });
    }
}
