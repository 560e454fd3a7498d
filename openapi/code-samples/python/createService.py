# Register your application once and keep the returned id in your configuration.
from messente.verigator.api import Api

api = Api("your-messente-username", "your-messente-password")
service = api.services.create("example.com", "My service")
print(service.id)
