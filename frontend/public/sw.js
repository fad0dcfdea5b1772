// Conserje service worker: shows Web Push notifications (a visitor at the gate, an entry,
// a renewal) and opens the resident's visitors page when one is clicked.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: "Conserje", body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(self.registration.showNotification(data.title || "Conserje", {
    body: data.body || "",
    tag: data.visit_id ? `visit-${data.visit_id}` : undefined,
    data: { url: "/my-visitors" },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data?.url || "/"));
});
