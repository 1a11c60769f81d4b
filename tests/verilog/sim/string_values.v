// String literals are 8 bits per character, right-aligned; wider targets pad with zeros, narrower keep the rightmost characters.
module top;
  reg [8*8:1] s;
  reg [8*3:1] t;
  reg [7:0] c;
  initial begin
    s = "Verilog";
    t = "Verilog";
    $display("[%s] [%s] [%0s]", s, t, s);
    $display("%h", t);
    $display("%b", "A" == 8'd65);
    c = "xyz";
    $display("%s %0d", c, c);
    s = {"ab", "cd"};
    $display("[%s]", s);
    $display("%0d", "ab" + 1);
  end
endmodule
