// Run once by the mongo image on an empty data directory: the services' own user, allowed to read
// and write their two databases and nothing else. Credentials come from the compose environment.
const admin = db.getSiblingDB('admin');
admin.createUser({
  user: process.env.MONGO_APP_USERNAME,
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: [
    { role: 'readWrite', db: 'articles' },
    { role: 'readWrite', db: 'boards' }
  ]
});
