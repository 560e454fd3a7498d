# When someone signs up: add them, then store user.id beside your own record of them.
from messente.verigator.api import Api

api = Api("your-messente-username", "your-messente-password")
# Note the order: service id, phone number, then the login name in your app.
user = api.users.create("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d", "+4401234567", "john.doe@verigator.com")
print(user.id)
