// The marketplace page: plain JavaScript over the service's API (no build step, no library).
'use strict';
const $ = (sel, root = document) => root.querySelector(sel);
const PAGE = 24;                       // results asked for at a time
const FEED = 10;                       // listings in the "for you" row
let lastQuery = null;                  // the words of the search on screen (logged with what the visitor does)

// The visitor's anonymous id: the cookie the server set with the page ("id.signature").
const visitor = (document.cookie.split('; ').find(c => c.startsWith('rr_visitor=')) || '').slice('rr_visitor='.length).split('.').slice(0, -1).join('.') || null;

function newId() { return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2)); }

async function api(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  const body = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (!response.ok) throw new Error(body.error || `the server answered ${response.status}`);
  return body;
}

// What the visitor did, logged as interactions (each with its own id: sent twice, stored once).
async function logEvents(kind, productIds) {
  if (!visitor || !productIds.length) return;
  const events = productIds.map(id => ({ user_id: visitor, product_id: id, kind, query: lastQuery || null, event_id: newId() }));
  try { await api('/interactions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(events.length === 1 ? events[0] : events) }); }
  catch (e) { console.warn('not logged:', e.message); }
}

function money(price) { return price == null ? 'No price' : '£' + Math.round(price).toLocaleString('en-GB'); }

function card(result) {
  const button = document.createElement('button');
  button.className = 'card'; button.type = 'button';
  button.dataset.id = result.product_id; button.dataset.price = result.price ?? '';
  const img = document.createElement('img');
  img.src = `/products/${encodeURIComponent(result.product_id)}/photo`; img.alt = ''; img.loading = 'lazy';
  const body = document.createElement('span'); body.className = 'body';
  const line = (cls, text) => { const s = document.createElement('span'); s.className = cls; s.textContent = text; body.append(s); };
  line('price', money(result.price));
  line('title', result.product_name);
  line('place', result.location + (result.other_places ? ` and ${result.other_places} more` : ''));
  if (result.distance_km != null) line('distance', `${Math.round(result.distance_km)} km away`);
  button.title = result.why || '';
  button.setAttribute('aria-label', `${result.product_name}, ${money(result.price)}, ${result.location}`);
  button.append(img, body);
  button.addEventListener('click', () => openListing(result));
  return button;
}

function show(container, results) { container.replaceChildren(...results.map(card)); }

function setStatus(text, isError = false) { const s = $('#status'); s.textContent = text; s.classList.toggle('error', isError); }

function filterParams() {
  const params = new URLSearchParams();
  for (const name of ['min_price', 'max_price', 'category', 'near', 'within_km', 'sort']) {
    const value = $('#' + name).value.trim();
    if (value && !(name === 'sort' && value === 'relevance')) params.set(name, value);
  }
  params.set('k', PAGE);
  if (visitor) params.set('user', visitor);
  return params;
}

let searchSeq = 0;   // the latest search or photo search: an older one's answer that comes later is dropped
function searchStarted(text) { setStatus(text); $('#status').dataset.busy = '1'; return ++searchSeq; }
function searchEnded(seq) { if (seq === searchSeq) delete $('#status').dataset.busy; }

async function search(event) {
  if (event) event.preventDefault();
  const q = $('#q').value.trim();
  const params = filterParams();
  if (q) params.set('q', q);
  if (!q && ![...params.keys()].some(k => ['min_price', 'max_price', 'category', 'near'].includes(k))) { setStatus('Type what you are looking for, or choose a filter.', true); return; }
  const seq = searchStarted('Searching…');
  try {
    const { results } = await api('/search?' + params);
    if (seq !== searchSeq) return;
    lastQuery = q || null;
    show($('#results'), results);
    setStatus(results.length ? `${results.length} listings${q ? ` for “${q}”` : ''}` : 'No listing matches; try other words or fewer filters.');
    $('#status').dataset.query = params.toString().replace(/&?user=[^&]*/, '');
    logEvents('view', results.slice(0, 10).map(r => r.product_id));
  } catch (e) { if (seq === searchSeq) setStatus(e.message, true); }
  finally { searchEnded(seq); }
}

async function searchPhoto(file) {
  if (!file) return;
  const params = filterParams();
  const q = $('#q').value.trim();
  if (q) params.set('q', q);
  const form = new FormData(); form.append('photo', file);
  const seq = searchStarted('Looking for listings like your photo…');
  try {
    const { results } = await api('/search/photo?' + params, { method: 'POST', body: form });
    if (seq !== searchSeq) return;
    lastQuery = q || null;
    show($('#results'), results);
    setStatus(`${results.length} listings that look like your photo`);
    $('#status').dataset.query = 'photo';
  } catch (e) { if (seq === searchSeq) setStatus(e.message, true); }
  finally { searchEnded(seq); }
  $('#photo').value = '';
}

let feedTimer = null;
function refreshFeed(delayMs = 0) {
  clearTimeout(feedTimer);
  feedTimer = setTimeout(async () => {
    if (!visitor) return;
    const near = $('#near').value.trim();
    try {
      const { results } = await api(`/users/${encodeURIComponent(visitor)}/recommendations?k=${FEED}` + (near ? `&near=${encodeURIComponent(near)}` : ''));
      show($('#feed .row'), results);
    } catch (e) { console.warn('no feed:', e.message); }
  }, delayMs);
}

async function openListing(result) {
  const dialog = $('#detail');
  $('#detail-title').textContent = result.product_name;
  $('.meta', dialog).textContent = `${money(result.price)} · ${result.location}`;
  $('.why', dialog).textContent = result.why || '';
  $('.description', dialog).textContent = '';
  $('.photos', dialog).replaceChildren();
  $('#similar').replaceChildren();
  for (const b of [$('#save'), $('#hide')]) { delete b.dataset.done; b.dataset.id = result.product_id; }
  if (!dialog.open) dialog.showModal();
  logEvents('click', [result.product_id]).then(() => refreshFeed(300));
  try {
    const [listing, similar] = await Promise.all([api(`/products/${encodeURIComponent(result.product_id)}`),
                                                  api(`/products/${encodeURIComponent(result.product_id)}/similar?k=8`)]);
    $('.description', dialog).textContent = listing.product_description;
    $('.meta', dialog).textContent = [money(listing.price), listing.location, listing.sub_category || listing.main_category, listing.listed && `listed ${listing.listed}`].filter(Boolean).join(' · ');
    $('.photos', dialog).replaceChildren(...listing.photos.map(p => Object.assign(document.createElement('img'), { src: p.url, alt: listing.product_name })));
    show($('#similar'), similar.results);
  } catch (e) { $('.description', dialog).textContent = e.message; }
}

async function act(kind, button) {
  await logEvents(kind, [button.dataset.id]);
  button.dataset.done = '1';
  if (kind === 'hide') {
    document.querySelectorAll(`.card[data-id="${CSS.escape(button.dataset.id)}"]`).forEach(c => c.remove());
    $('#detail').close();
  }
  refreshFeed(300);
}

async function loadCategories() {
  try {
    const categories = await api('/categories');
    const select = $('#category');
    for (const main of categories) {
      const group = document.createElement('optgroup'); group.label = main.name;
      group.append(new Option(`All of ${main.name} (${main.listings})`, main.name));
      for (const sub of main.sub_categories) group.append(new Option(`${sub.name} (${sub.listings})`, `${main.name} / ${sub.name}`));
      select.append(group);
    }
  } catch (e) { console.warn('no categories:', e.message); }
}

function selectTab(name) {
  for (const tab of ['buy', 'sell']) {
    $('#' + tab).hidden = tab !== name;
    $(`#${tab}-tab`).setAttribute('aria-selected', String(tab === name));
  }
}

async function suggest(event) {
  event.preventDefault();
  const form = new FormData($('#sell-form'));
  const out = $('#suggestion');
  out.textContent = 'Reading your listing…';
  try {
    const s = await api('/listings/suggest', { method: 'POST', body: form });
    const category = Object.assign(document.createElement('p'), { className: 'category', textContent: `Category: ${s.category}` });
    const others = Object.assign(document.createElement('p'), { textContent: 'or ' + s.categories.slice(1).map(c => `${c.name} (${Math.round(c.probability * 100)}%)`).join(', ') });
    const range = Object.assign(document.createElement('p'), { className: 'range', textContent: `Price: ${money(s.price)} (most sell between ${money(s.price_low)} and ${money(s.price_high)})` });
    const heading = Object.assign(document.createElement('h3'), { textContent: 'Listings like yours' });
    const row = document.createElement('div'); row.className = 'row';
    show(row, s.similar.map(x => ({ product_id: x.id, product_name: x.product_name, price: x.price, location: x.category, why: `similarity ${x.similarity.toFixed(2)}` })));
    out.replaceChildren(category, others, range, heading, row);
  } catch (e) { out.textContent = e.message; }
}

document.addEventListener('DOMContentLoaded', () => {
  $('#search-form').addEventListener('submit', search);
  $('#photo').addEventListener('change', e => searchPhoto(e.target.files[0]));
  const drop = $('#drop');
  drop.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('#photo').click(); } });
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); searchPhoto(e.dataTransfer.files[0]); });
  $('#sort').addEventListener('change', () => { if ($('#q').value.trim()) search(); });
  $('#close').addEventListener('click', () => $('#detail').close());
  $('#save').addEventListener('click', e => act('save', e.currentTarget));
  $('#hide').addEventListener('click', e => act('hide', e.currentTarget));
  $('#buy-tab').addEventListener('click', () => selectTab('buy'));
  $('#sell-tab').addEventListener('click', () => selectTab('sell'));
  $('#sell-form').addEventListener('submit', suggest);
  loadCategories();
  refreshFeed();
});
