// Seen web chat page: signed in, or (demo mode on this machine) pick a demo user; then run Microsoft's unmodified Web Chat
// against Seen's own Direct Line. A signed-in page gets its token from its session, never naming the user itself.
(function () {
  'use strict';

  var STORAGE_KEY = 'seen.webchat.v1';
  var DIRECT_LINE = location.origin + '/v3/directline';
  var SAVE_TOKEN_EVERY_MS = 15 * 1000;

  var els = {
    picker: document.getElementById('picker'),
    form: document.getElementById('picker-form'),
    list: document.getElementById('user-list'),
    start: document.getElementById('start-button'),
    chat: document.getElementById('chat'),
    who: document.getElementById('who'),
    webchat: document.getElementById('webchat'),
    newConversation: document.getElementById('new-conversation'),
    switchUser: document.getElementById('switch-user'),
    signOut: document.getElementById('signout-form'),
    signOutButton: document.getElementById('signout-button'),
    status: document.getElementById('status'),
  };
  var signedIn = null;
  var users = [];
  var directLine = null;
  var refreshTimer = null;

  // Saved state lets a reload (or a server restart) resume the same conversation.
  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      if (signedIn && !(s && s.user && s.user.id === signedIn.id)) return null;
      return s && s.user && typeof s.user.id === 'string' ? s : null;
    } catch (e) {
      return null;
    }
  }
  function save(state) {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  }
  function forget() {
    localStorage.removeItem(STORAGE_KEY);
  }

  function setStatus(text, isError) {
    els.status.textContent = text || '';
    els.status.classList.toggle('error', Boolean(isError));
  }

  // A small JSON fetch; a non-2xx answer becomes an error carrying its status.
  async function api(path, options) {
    options = options || {};
    var headers = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = 'Bearer ' + options.token;
    var res = await fetch(path, {
      method: options.method || 'GET',
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    var data = await res.json().catch(function () { return null; });
    if (!res.ok) {
      var err = new Error((data && data.error && data.error.message) || 'request failed (' + res.status + ')');
      err.status = res.status;
      throw err;
    }
    return data;
  }

  function showPicker() {
    stopChat();
    els.chat.hidden = true;
    els.picker.hidden = false;
    var saved = load();
    var checked = els.list.querySelector('input[value="' + CSS.escape(saved ? saved.user.id : '') + '"]');
    if (checked) checked.checked = true;
    els.start.disabled = !els.list.querySelector('input:checked');
  }

  function renderUsers() {
    els.list.textContent = '';
    users.forEach(function (u, i) {
      var label = document.createElement('label');
      label.className = 'user-option';
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = 'user';
      input.value = u.id;
      input.id = 'user-' + i;
      input.addEventListener('change', function () { els.start.disabled = false; });
      var text = document.createElement('span');
      var name = document.createElement('strong');
      name.textContent = u.name;
      var meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = (u.roleLabel || u.role) + ' · ' + u.team;
      text.append(name, meta);
      label.append(input, text);
      els.list.append(label);
    });
    if (!users.length) setStatus('No demo users are set up yet.', true);
  }

  function stopChat() {
    if (refreshTimer) clearInterval(refreshTimer);
    refreshTimer = null;
    if (directLine) {
      try { directLine.end(); } catch (e) { /* already ended */ }
    }
    directLine = null;
    els.webchat.textContent = '';
  }

  // Every message the page sends names the last question Seen asked (channelData.seenTurn), so Seen can tell an answer to
  // an earlier question (a second tab, a button from before) from one to the current question; `onIncoming` sees each activity.
  function createStore(onIncoming) {
    var lastTurn = null;
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity) {
            var activity = action.payload.activity;
            var turn = activity.channelData && activity.channelData.seenTurn;
            if (activity.from && activity.from.role === 'bot' && typeof turn === 'number') lastTurn = turn;
            onIncoming(activity);
          }
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && lastTurn !== null && action.payload && action.payload.activity) {
            var out = action.payload.activity;
            var tagged = Object.assign({}, out, { channelData: Object.assign({}, out.channelData, { seenTurn: lastTurn }) });
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: tagged }) });
          }
          return next(action);
        };
      };
    });
  }

  // Renders Web Chat into a fresh element so an old conversation never leaks into a new one. With `replayUntil` (the id
  // of the last activity already in the conversation) input stays off until the replay reaches it, so nothing old is clicked.
  function renderChat(state, useWebSocket, replayUntil) {
    stopChat();
    els.picker.hidden = true;
    els.chat.hidden = false;
    els.who.textContent = '— you are ' + state.user.name + (signedIn ? '' : ' (demo user)');
    var host = document.createElement('div');
    els.webchat.append(host);
    directLine = window.WebChat.createDirectLine({
      token: state.token,
      conversationId: state.conversationId,
      domain: DIRECT_LINE,
      webSocket: useWebSocket,
    });
    var replaying = Boolean(replayUntil);
    els.webchat.dataset.replay = replaying ? 'pending' : 'done';
    if (replaying) setStatus('Loading your conversation…');
    var props;
    var store = createStore(function (activity) {
      if (!replaying || activity.id !== replayUntil) return;
      replaying = false;
      // Why a timeout: let Web Chat render the last replayed activity before input comes back on.
      setTimeout(function () {
        props.disabled = false;
        window.WebChat.renderWebChat(props, host);
        els.webchat.dataset.replay = 'done';
        setStatus('');
      }, 0);
    });
    props = {
      directLine: directLine,
      store: store,
      disabled: replaying,
      userID: state.user.id,
      username: state.user.name,
      locale: 'en-GB',
      styleOptions: {
        accent: '#1d4f91',
        botAvatarInitials: 'S',
        userAvatarInitials: initials(state.user.name),
        hideUploadButton: true,
        // Actions go one per line: the send box wraps (a textarea), Shift+Enter starts a new line and Enter sends.
        sendBoxTextWrap: true,
        bubbleBorderRadius: 6,
        bubbleFromUserBorderRadius: 6,
      },
    };
    window.WebChat.renderWebChat(props, host);
    // Web Chat's Direct Line refreshes its token itself, and each refresh retires the one before; keep a copy of its
    // current token so a later reload can still resume this conversation.
    var live = directLine;
    refreshTimer = setInterval(function () {
      if (live.token && live.token !== state.token) { state.token = live.token; save(state); }
    }, SAVE_TOKEN_EVERY_MS);
    if (!replaying) setStatus('');
  }

  function initials(name) {
    return String(name).split(/\s+/).filter(Boolean).slice(0, 2).map(function (p) { return p[0].toUpperCase(); }).join('');
  }

  // A new conversation: a token for this user, then the conversation is started so the bot greets.
  async function startNew(user) {
    setStatus('Starting a conversation…');
    // Signed in: the session names the user. Demo mode: the picked demo user.
    var issued = signedIn
      ? await api('/api/session/directline', { method: 'POST', body: {} })
      : await api('/v3/directline/tokens/generate', { method: 'POST', body: { user: { id: user.id, name: user.name } } });
    var started = await api('/v3/directline/conversations', { method: 'POST', token: issued.token, body: {} });
    var state = { user: user, conversationId: started.conversationId, token: started.token };
    save(state);
    renderChat(state, Boolean(started.streamUrl), null);
  }

  // Resumes the saved conversation with a refreshed token; if it is gone or expired, starts afresh.
  async function resume(state) {
    setStatus('Reconnecting to your conversation…');
    try {
      var refreshed = await api('/v3/directline/tokens/refresh', { method: 'POST', token: state.token });
      state.token = refreshed.token;
      var conversation = await api('/v3/directline/conversations/' + encodeURIComponent(state.conversationId), { token: state.token });
      save(state);
      var history = await api('/v3/directline/conversations/' + encodeURIComponent(state.conversationId) + '/activities', { token: state.token });
      var activities = (history && history.activities) || [];
      renderChat(state, Boolean(conversation.streamUrl), activities.length ? activities[activities.length - 1].id : null);
    } catch (err) {
      if (err.status === 401 || err.status === 403 || err.status === 404) {
        setStatus('Your previous conversation could not be resumed, so a new one has started.');
        await startNew(state.user);
      } else {
        throw err;
      }
    }
  }

  function fail(err) {
    setStatus('Something went wrong: ' + (err && err.message ? err.message : 'please reload the page') + '.', true);
  }

  els.form.addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = els.list.querySelector('input:checked');
    var user = chosen && users.find(function (u) { return u.id === chosen.value; });
    if (!user) return;
    startNew({ id: user.id, name: user.name }).catch(fail);
  });

  els.newConversation.addEventListener('click', function () {
    var saved = load();
    if (saved) startNew(saved.user).catch(fail);
    else showPicker();
  });

  els.switchUser.addEventListener('click', function () {
    forget();
    showPicker();
    setStatus('');
  });

  async function main() {
    if (!window.WebChat) throw new Error('Web Chat did not load');
    var session = await api('/api/session');
    if (session.mode === 'signed-in') {
      signedIn = session.user;
      els.switchUser.hidden = true;
      els.signOut.hidden = false;
      els.signOutButton.textContent = session.labels.signOut;
      // The sign-out form ends the session; what this page kept about the conversation goes with it.
      els.signOut.addEventListener('submit', function () { stopChat(); forget(); });
      var mine = load();
      if (mine && mine.conversationId && mine.token) await resume(mine);
      else await startNew({ id: signedIn.id, name: signedIn.name });
      return;
    }
    var data = await api('/api/demo-users');
    users = (data && data.users) || [];
    renderUsers();
    var saved = load();
    if (saved && saved.conversationId && saved.token) await resume(saved);
    else showPicker();
  }

  main().catch(fail);
})();
