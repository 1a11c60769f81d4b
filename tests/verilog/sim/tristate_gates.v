// bufif0/bufif1/notif0/notif1 driving a shared bus (resolved as a wire).
module t;
  reg a, b, ea, eb;
  wire bus, n1, n0, b0;
  bufif1 g1(bus, a, ea);
  bufif1 g2(bus, b, eb);
  notif1 g3(n1, a, ea);
  notif0 g4(n0, a, ea);
  bufif0 g5(b0, a, ea);
  initial begin
    $monitor("%0t a=%b b=%b ea=%b eb=%b bus=%b n1=%b n0=%b b0=%b", $time, a, b, ea, eb, bus, n1,
             n0, b0);
    a = 0; b = 1; ea = 0; eb = 0;
    #1 ea = 1;
    #1 eb = 1;
    #1 ea = 0;
    #1 b = 0; ea = 1;
    #1 ea = 1'bx; eb = 0;
    #1 a = 1'bz; ea = 1; eb = 1;
    #1 eb = 0; ea = 0;
  end
endmodule
