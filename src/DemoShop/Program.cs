// Runs the demo shop on its own:
//   dotnet run --project src/DemoShop -- [--urls http://127.0.0.1:5080] [--DemoShop:HttpsPort=5443] [--DemoShop:Faults:Down=true]
var url = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5080";
var app = DemoShop.DemoShopApp.Create(args, url);
await app.RunAsync();
