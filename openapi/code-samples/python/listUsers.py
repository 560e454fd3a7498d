# Every user added to the service.
from messente.verigator.api import Api

api = Api("your-messente-username", "your-messente-password")
for user in api.users.get_all("9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d"):
    print(user.id, user.id_in_service)
