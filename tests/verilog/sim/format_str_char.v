// %s prints a vector as characters (leading zero bytes as spaces with width), %c prints the low byte; escapes.
module top;
  reg [8*6:1] s;
  reg [7:0] c;
  initial begin
    s = "hi";
    c = 8'h41;
    $display("[%s] [%0s] [%c]", s, s, c);
    s = "abcdef";
    $display("[%s] [%10s] [%c]", s, s, s);
    $display("tab:[\t] quote:[\"] backslash:[\\] percent:[%%] octal:[\101]");
    $display("%s-%s", "lit", 16'h4142);
  end
endmodule
